using Amazon.CDK;
using Amazon.CDK.AWS.S3;
using Constructs;

namespace Lms.Deploy;

/// <summary>
/// The private bucket lecture files go to. Browsers upload parts straight to it with presigned URLs, so CORS
/// allows PUT from the web apps' origins and exposes <c>ETag</c> (the uploader reports each part's ETag); an
/// upload left incomplete is aborted after a day so its parts stop costing storage. No public access at all.
/// </summary>
public sealed class ContentBucket : Construct
{
    public Bucket Bucket { get; }

    public ContentBucket(Construct scope, string id, DeploySettings settings)
        : base(scope, id)
    {
        Bucket = new Bucket(this, "Bucket", new BucketProps
        {
            BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
            Encryption = BucketEncryption.S3_MANAGED,
            EnforceSSL = true,
            ObjectOwnership = ObjectOwnership.BUCKET_OWNER_ENFORCED,
            Cors =
            [
                new CorsRule
                {
                    AllowedMethods = [HttpMethods.PUT, HttpMethods.GET, HttpMethods.HEAD],
                    AllowedOrigins = [.. settings.AllowedOrigins],
                    AllowedHeaders = ["*"],
                    ExposedHeaders = ["ETag"],
                    MaxAge = 3000,
                },
            ],
            LifecycleRules =
            [
                new LifecycleRule
                {
                    Id = "abort-incomplete-multipart-uploads",
                    AbortIncompleteMultipartUploadAfter = Duration.Days(1),
                },
            ],
            RemovalPolicy = RemovalPolicy.RETAIN,
        });
    }
}
