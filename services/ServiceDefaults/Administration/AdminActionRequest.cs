using System.ComponentModel.DataAnnotations;

namespace Lms.ServiceDefaults.Administration;

/// <summary>
/// The body of every admin action: why it is taken. Required (blank is refused) and bounded, because the audit trail
/// keeps it for as long as the platform runs and shows it to every admin.
/// </summary>
public sealed record AdminActionRequest([property: Required, MaxLength(AdminActionRequest.MaxReasonLength)] string Reason)
{
    public const int MaxReasonLength = 500;
}
