namespace Lms.Live.Streaming.Ivs;

// The members of the IVS API (2020-07-14) this service sends and reads; the full shapes are in the IVS API reference.

public sealed record IvsCreateChannelRequest(string Name, string LatencyMode, string Type, bool Authorized, string RecordingConfigurationArn);

public sealed record IvsArnRequest(string Arn);

public sealed record IvsChannelArnRequest(string ChannelArn);

public sealed record IvsChannel(string Arn, string? Name, string? LatencyMode, string? IngestEndpoint, string? PlaybackUrl, bool Authorized);

public sealed record IvsStreamKey(string Arn, string Value, string ChannelArn);

public sealed record IvsCreateChannelResponse(IvsChannel Channel, IvsStreamKey StreamKey);

public sealed record IvsChannelResponse(IvsChannel Channel);

public sealed record IvsStreamKeyResponse(IvsStreamKey StreamKey);
