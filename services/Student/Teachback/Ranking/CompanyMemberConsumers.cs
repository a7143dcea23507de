using Lms.Contracts.Memberships;
using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Messaging.Inbox;
using Lms.Student.Data;

namespace Lms.Student.Teachback.Ranking;

public sealed class ColleagueJoinedConsumer(StudentDbContext db, TimeProvider clock, ILogger<ColleagueJoinedConsumer> logger)
    : InboxConsumer<CompanyMemberJoined, StudentDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(CompanyMemberJoined message, CancellationToken cancellationToken) =>
        LatestEventWins.ApplyAsync(Db.CompanyMembers, [message.CompanyId, message.UserId],
            () => new CompanyMember { CompanyId = message.CompanyId, UserId = message.UserId }, active: true, message.OccurredAt, cancellationToken);
}

/// <summary>A promotion or demotion keeps the member in the company; a role change that arrives before the join still places them there.</summary>
public sealed class ColleagueRoleChangedConsumer(StudentDbContext db, TimeProvider clock, ILogger<ColleagueRoleChangedConsumer> logger)
    : InboxConsumer<CompanyMemberRoleChanged, StudentDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(CompanyMemberRoleChanged message, CancellationToken cancellationToken) =>
        LatestEventWins.ApplyAsync(Db.CompanyMembers, [message.CompanyId, message.UserId],
            () => new CompanyMember { CompanyId = message.CompanyId, UserId = message.UserId }, active: true, message.OccurredAt, cancellationToken);
}

public sealed class ColleagueLeftConsumer(StudentDbContext db, TimeProvider clock, ILogger<ColleagueLeftConsumer> logger)
    : InboxConsumer<CompanyMemberLeft, StudentDbContext>(db, clock, logger)
{
    protected override Task HandleAsync(CompanyMemberLeft message, CancellationToken cancellationToken) =>
        LatestEventWins.ApplyAsync(Db.CompanyMembers, [message.CompanyId, message.UserId],
            () => new CompanyMember { CompanyId = message.CompanyId, UserId = message.UserId }, active: false, message.OccurredAt, cancellationToken);
}
