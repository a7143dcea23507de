namespace Lms.Live.Streaming.Ivs;

/// <summary>Configuration section <c>Live:Streaming:Ivs</c>, used when <c>Live:Streaming:Provider</c> is <c>Ivs</c>.</summary>
public sealed class IvsOptions
{
    public string Region { get; set; } = "ap-northeast-2";

    /// <summary>Overrides <c>https://ivs.{Region}.amazonaws.com</c> (tests, VPC endpoints).</summary>
    public string? ServiceUrl { get; set; }

    public string AccessKey { get; set; } = string.Empty;

    public string SecretKey { get; set; } = string.Empty;

    /// <summary>Set with temporary credentials; sent as <c>X-Amz-Security-Token</c>.</summary>
    public string? SessionToken { get; set; }

    /// <summary>Recording-configuration ARN (record to S3); empty for none.</summary>
    public string RecordingConfigurationArn { get; set; } = string.Empty;

    /// <summary>
    /// The private half (PEM, P-384) of the playback key pair imported into IVS; viewer tokens of the private
    /// channels are signed with it.
    /// </summary>
    public string PlaybackPrivateKeyPem { get; set; } = string.Empty;

    /// <summary>The API key the EventBridge API destination sends in <c>X-Api-Key</c> with stream state events.</summary>
    public string EventsApiKey { get; set; } = string.Empty;

    public Uri Endpoint => new(ServiceUrl ?? $"https://ivs.{Region}.amazonaws.com");
}
