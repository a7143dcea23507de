using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Lms.Student.Teachback.Scoring;
using Microsoft.Extensions.Options;

namespace Lms.Student.Teachback.Processing;

/// <summary>
/// Section <c>Storage</c>, the same keys as the content service's: the bucket teach-back recordings are uploaded to.
/// In AWS this service's role needs only <c>s3:GetObject</c> on the <c>teachback-audio/</c> prefix.
/// </summary>
public sealed class TeachbackStorageOptions
{
    public string? ServiceUrl { get; set; }

    public string Region { get; set; } = "ap-northeast-2";

    public string Bucket { get; set; } = "lms-content";

    public bool ForcePathStyle { get; set; } = true;

    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }
}

/// <summary>Reads a learner's recording for transcription, into memory (at most 50 MiB, checked on upload) so a retried call can send it again.</summary>
public sealed class TeachbackAudioStore(IOptions<TeachbackStorageOptions> options) : IDisposable
{
    private readonly Lazy<IAmazonS3> _s3 = new(() => CreateClient(options.Value));

    public async Task<MemoryStream> ReadAsync(string storageKey, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _s3.Value.GetObjectAsync(new GetObjectRequest { BucketName = options.Value.Bucket, Key = storageKey }, cancellationToken);
            var buffer = new MemoryStream();
            await response.ResponseStream.CopyToAsync(buffer, cancellationToken);
            buffer.Position = 0;
            return buffer;
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            throw new ProviderFailureException("the recording is no longer stored", ex);
        }
    }

    public void Dispose()
    {
        if (_s3.IsValueCreated)
        {
            _s3.Value.Dispose();
        }
    }

    private static AmazonS3Client CreateClient(TeachbackStorageOptions storage)
    {
        var config = new AmazonS3Config { ForcePathStyle = storage.ForcePathStyle };
        if (!string.IsNullOrWhiteSpace(storage.ServiceUrl))
        {
            config.ServiceURL = storage.ServiceUrl;
            config.AuthenticationRegion = storage.Region;
        }
        else
        {
            config.RegionEndpoint = RegionEndpoint.GetBySystemName(storage.Region);
        }

        return string.IsNullOrWhiteSpace(storage.AccessKey)
            ? new AmazonS3Client(config)
            : new AmazonS3Client(new BasicAWSCredentials(storage.AccessKey, storage.SecretKey), config);
    }
}
