using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Options;

namespace Lms.Live.Recordings;

/// <summary>
/// Puts a remuxed recording into the content service's bucket under <see cref="RecordingOptions.KeyPrefix"/>; the
/// content service owns it from then on. In AWS this service's role needs only <c>s3:PutObject</c> on that prefix.
/// </summary>
public sealed class RecordingStore(IOptions<RecordingStorageOptions> options) : IDisposable
{
    private readonly Lazy<IAmazonS3> _s3 = new(() => CreateClient(options.Value));

    public static string KeyFor(Guid sessionId, Guid fileId) => $"{RecordingOptions.KeyPrefix}{sessionId:N}/{fileId:N}.mp4";

    public async Task PutAsync(string key, string path, CancellationToken cancellationToken) =>
        await _s3.Value.PutObjectAsync(new PutObjectRequest
        {
            BucketName = options.Value.Bucket, Key = key, FilePath = path, ContentType = "video/mp4",
            // An S3-compatible server such as s3rver stores aws-chunked framing as part of the object (296 bytes more than
            // the file here); S3 itself decodes it.
            UseChunkEncoding = string.IsNullOrWhiteSpace(options.Value.ServiceUrl),
        }, cancellationToken);

    public void Dispose()
    {
        if (_s3.IsValueCreated)
        {
            _s3.Value.Dispose();
        }
    }

    private static AmazonS3Client CreateClient(RecordingStorageOptions storage)
    {
        var config = new AmazonS3Config { ForcePathStyle = storage.ForcePathStyle };
        if (!string.IsNullOrWhiteSpace(storage.ServiceUrl))
        {
            config.ServiceURL = storage.ServiceUrl;
            config.AuthenticationRegion = storage.Region;
            // No trailing checksums (sent aws-chunked) for servers that do not implement them.
            config.RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED;
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
