namespace Lms.Live.Sessions;

/// <summary>The states of a live session, sent as these words.</summary>
public static class SessionStates
{
    public const string Scheduled = "SCHEDULED";
    public const string Live = "LIVE";
    public const string Ended = "ENDED";
    public const string Cancelled = "CANCELLED";
}
