using Amazon;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Microsoft.Extensions.Options;

namespace Lms.Content.Storage;

/// <summary>Section <c>Storage</c>: any S3-compatible endpoint (s3rver locally, S3 in AWS with a private bucket).</summary>
public sealed class StorageOptions
{
    /// <summary>Set for an S3-compatible server; empty in AWS, where the region decides the endpoint.</summary>
    public string? ServiceUrl { get; set; }

    public string Region { get; set; } = "ap-northeast-2";

    public string Bucket { get; set; } = "lms-content";

    public bool ForcePathStyle { get; set; } = true;

    /// <summary>Static keys for a local server; in AWS leave empty and the task role's credentials are used.</summary>
    public string? AccessKey { get; set; }

    public string? SecretKey { get; set; }

    public TimeSpan UploadUrlLifetime { get; set; } = TimeSpan.FromHours(1);
}

public enum MultipartOutcome
{
    Completed,
    PartsRefused,
    UploadGone,
}

/// <summary>The few S3 operations uploads need, with presigned URLs in the endpoint's own scheme.</summary>
public sealed partial class ObjectStorage(IAmazonS3 s3, IOptions<StorageOptions> options, TimeProvider clock, ILogger<ObjectStorage> logger)
{
    private StorageOptions Options => options.Value;

    public static IAmazonS3 CreateClient(StorageOptions storage)
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

    public async Task<string> StartMultipartAsync(string key, string contentType, CancellationToken cancellationToken) =>
        (await s3.InitiateMultipartUploadAsync(new InitiateMultipartUploadRequest
        {
            BucketName = Options.Bucket, Key = key, ContentType = contentType,
        }, cancellationToken)).UploadId;

    public Task<string> PartUrlAsync(string key, string? uploadId, int partNumber, DateTimeOffset expiresAt)
    {
        var request = new GetPreSignedUrlRequest
        {
            BucketName = Options.Bucket,
            Key = key,
            Verb = HttpVerb.PUT,
            Expires = expiresAt.UtcDateTime,
            Protocol = Options.ServiceUrl?.StartsWith("http://", StringComparison.OrdinalIgnoreCase) == true ? Protocol.HTTP : Protocol.HTTPS,
        };
        if (uploadId is not null)
        {
            request.UploadId = uploadId;
            request.PartNumber = partNumber;
        }
        return s3.GetPreSignedURLAsync(request);
    }

    /// <summary>
    /// A presigned GET. With <paramref name="contentType"/> the response carries that type whatever the stored
    /// object says, so a file uploaded as a PDF but stored as HTML is never rendered as a page from the bucket's address.
    /// </summary>
    public Task<string> DownloadUrlAsync(string key, TimeSpan lifetime, string? contentType = null)
    {
        var request = new GetPreSignedUrlRequest
        {
            BucketName = Options.Bucket,
            Key = key,
            Verb = HttpVerb.GET,
            Expires = (clock.GetUtcNow() + lifetime).UtcDateTime,
            Protocol = Options.ServiceUrl?.StartsWith("http://", StringComparison.OrdinalIgnoreCase) == true ? Protocol.HTTP : Protocol.HTTPS,
        };
        if (contentType is not null)
        {
            request.ResponseHeaderOverrides.ContentType = contentType;
        }

        return s3.GetPreSignedURLAsync(request);
    }

    /// <summary>
    /// Assembles a multipart upload. The store's refusals are answers, not failures: parts it does not hold as listed
    /// (a wrong ETag, a part too small) or an upload it no longer has (aborted, or already assembled by an earlier try).
    /// </summary>
    public async Task<MultipartOutcome> CompleteMultipartAsync(
        string key, string uploadId, IEnumerable<(int PartNumber, string ETag)> parts, CancellationToken cancellationToken)
    {
        try
        {
            await s3.CompleteMultipartUploadAsync(new CompleteMultipartUploadRequest
            {
                BucketName = Options.Bucket,
                Key = key,
                UploadId = uploadId,
                PartETags = [.. parts.Select(p => new PartETag(p.PartNumber, p.ETag))],
            }, cancellationToken);
            return MultipartOutcome.Completed;
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == System.Net.HttpStatusCode.NotFound || ex.ErrorCode == "NoSuchUpload")
        {
            return MultipartOutcome.UploadGone;
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == System.Net.HttpStatusCode.BadRequest)
        {
            LogPartsRefused(logger, uploadId, ex.ErrorCode);
            return MultipartOutcome.PartsRefused;
        }
    }

    /// <summary>The stored object's size and ETag, or null when there is no object.</summary>
    public async Task<(long Size, string ETag)?> DescribeAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            var metadata = await s3.GetObjectMetadataAsync(Options.Bucket, key, cancellationToken);
            return (metadata.ContentLength, metadata.ETag ?? string.Empty);
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken) => s3.DeleteObjectAsync(Options.Bucket, key, cancellationToken);

    /// <summary>Up to the first <paramref name="count"/> bytes of the stored object (one ranged GET).</summary>
    public async Task<byte[]> ReadStartAsync(string key, int count, CancellationToken cancellationToken)
    {
        using var response = await s3.GetObjectAsync(new GetObjectRequest { BucketName = Options.Bucket, Key = key, ByteRange = new ByteRange(0, count - 1) },
            cancellationToken);
        var buffer = new byte[count];
        var read = 0;
        while (read < count && await response.ResponseStream.ReadAsync(buffer.AsMemory(read, count - read), cancellationToken) is var got and > 0)
        {
            read += got;
        }
        return buffer[..read];
    }

    /// <summary>
    /// Removes what an abandoned upload left in the store: its parts, and the object itself, whether a single PUT
    /// stored it or a completion assembled it before the upload was aborted. Idempotent.
    /// </summary>
    public async Task ForgetAsync(string key, string? multipartUploadId, CancellationToken cancellationToken)
    {
        if (multipartUploadId is not null)
        {
            await AbortMultipartAsync(key, multipartUploadId, cancellationToken);
        }

        await DeleteAsync(key, cancellationToken);
    }

    public async Task AbortMultipartAsync(string key, string uploadId, CancellationToken cancellationToken)
    {
        try
        {
            await s3.AbortMultipartUploadAsync(Options.Bucket, key, uploadId, cancellationToken);
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            // Already gone: aborting is idempotent.
        }
        catch (AmazonS3Exception ex) when (ex.StatusCode == System.Net.HttpStatusCode.MethodNotAllowed)
        {
            // The local S3-compatible server does not implement abort; S3 does. The upload is forgotten here and
            // the bucket's lifecycle rule (AbortIncompleteMultipartUpload) removes any parts left behind.
            LogAbortUnsupported(logger, uploadId);
        }
    }

    [LoggerMessage(LogLevel.Information, "The object store refused the parts of multipart upload {UploadId}: {ErrorCode}")]
    private static partial void LogPartsRefused(ILogger logger, string uploadId, string errorCode);

    [LoggerMessage(LogLevel.Warning, "The object store refused to abort multipart upload {UploadId}; its parts are left to the bucket's lifecycle rule")]
    private static partial void LogAbortUnsupported(ILogger logger, string uploadId);
}
