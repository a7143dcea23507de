namespace Lms.ServiceDefaults.Administration;

/// <summary>An institution's or a company's standing as admins see and filter it; sent as these words.</summary>
public static class OrganisationStates
{
    public const string Active = "ACTIVE";
    public const string Suspended = "SUSPENDED";

    public static string Of(DateTimeOffset? suspendedAt) => suspendedAt is null ? Active : Suspended;
}
