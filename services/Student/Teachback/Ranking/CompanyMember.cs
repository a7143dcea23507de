using Lms.ServiceDefaults.Data;

namespace Lms.Student.Teachback.Ranking;

/// <summary>
/// Who belongs to which company now (from the company service's membership events; the later event wins whatever the
/// order): a ranking names a learner's colleagues and nobody else.
/// </summary>
public sealed class CompanyMember : ITimedMembership
{
    public Guid CompanyId { get; set; }

    public Guid UserId { get; set; }

    public bool Active { get; set; }

    public DateTimeOffset ChangedAt { get; set; }
}
