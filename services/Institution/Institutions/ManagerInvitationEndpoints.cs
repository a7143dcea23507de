using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Lms.Contracts.Memberships;
using Lms.Institution.Data;
using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Email;
using Lms.ServiceDefaults.Http;
using Lms.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Lms.Institution.Institutions;

public sealed record ManagerInvitationRequest([property: Required, EmailAddress, MaxLength(256)] string Email);

public sealed record ManagerInvitationAccept([property: Required, MinLength(6), MaxLength(32)] string Code);

/// <summary>An invitation as its institution's managers see it (never its code): PENDING, ACCEPTED or EXPIRED.</summary>
public sealed record ManagerInvitationResponse(
    Guid Id, string Email, string State, DateTimeOffset InvitedAt, DateTimeOffset ExpiresAt, DateTimeOffset? AcceptedAt);

/// <summary>Managers join an institution by consent: a manager invites an address, the person with it accepts while signed in.</summary>
public static partial class ManagerInvitationEndpoints
{
    [LoggerMessage(LogLevel.Error, "Manager invitation {InvitationId} was saved but its email could not be sent")]
    private static partial void LogNotSent(ILogger logger, Exception exception, Guid invitationId);

    public static RouteGroupBuilder MapManagerInvitationEndpoints(this RouteGroupBuilder api)
    {
        var institutions = api.MapGroup("/institutions").WithTags("Institutions");
        institutions.MapPost("/mine/manager-invitations", InviteAsync).RequireAuthorization(Roles.InstitutionManager)
            .WithSummary("Email a single-use code inviting an address to become a manager of the institution")
            .WithDescription("The code is sent only by email, is stored hashed, and works once, for seven days, for the signed-in account "
                             + "whose confirmed email is the invited address.");
        institutions.MapGet("/mine/manager-invitations", ListAsync).RequireAuthorization(Roles.InstitutionManager)
            .WithSummary("The institution's manager invitations, newest first (the last 100)")
            .WithDescription("Each is PENDING (open), ACCEPTED or EXPIRED; the code itself is never shown again.");
        institutions.MapDelete("/mine/manager-invitations/{id:guid}", WithdrawAsync).RequireAuthorization(Roles.InstitutionManager)
            .WithSummary("Withdraw a pending invitation: its code stops working")
            .WithDescription("Only a PENDING invitation of the caller's institution; an accepted, expired or unknown one is 404.");
        institutions.MapPost("/manager-invitations/accept", AcceptAsync).RequireAuthorization()
            .WithSummary("Accept a manager invitation: the caller becomes a manager of the inviting institution")
            .WithDescription("A wrong, used or expired code, or one sent to another address, is 404. The caller's next token carries the role.");
        return api;
    }

    internal static async Task<Results<Accepted, ProblemHttpResult>> InviteAsync(
        ManagerInvitationRequest request, ClaimsPrincipal caller, InstitutionDbContext db, IEmailSender mail, IOptions<MailOptions> mailOptions,
        TimeProvider clock, ILogger<ManagerInvitationRequest> logger, CancellationToken cancellationToken)
    {
        if (await ManagedInstitution.FindAsync(db, caller, cancellationToken) is not { } institution)
        {
            return InstitutionEndpoints.NotAManager();
        }

        if (!MailboxAddress.TryParse(request.Email, out _))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "This email address cannot receive mail.",
                type: Problems.TypeBase + "invalid-email");
        }

        var (invitation, code) = ManagerInvitation.Issue(institution.Id, request.Email, caller.GetUserId(), clock.GetUtcNow());
        db.ManagerInvitations.Add(invitation);
        await db.SaveChangesAsync(cancellationToken);
        try
        {
            await mail.SendAsync(Message(mailOptions.Value, invitation.Email, institution.Name, code, invitation.ExpiresAt), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            LogNotSent(logger, ex, invitation.Id);
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "The invitation was saved but the email could not be sent. Try inviting again shortly.",
                type: Problems.TypeBase + "mail-unavailable");
        }

        return TypedResults.Accepted((string?)null);
    }

    internal static async Task<Results<Ok<IReadOnlyList<ManagerInvitationResponse>>, ProblemHttpResult>> ListAsync(
        ClaimsPrincipal caller, InstitutionDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await ManagedInstitution.FindAsync(db, caller, cancellationToken) is not { } institution)
        {
            return InstitutionEndpoints.NotAManager();
        }

        var now = clock.GetUtcNow();
        var invitations = await db.ManagerInvitations.AsNoTracking().Where(i => i.InstitutionId == institution.Id)
            .OrderByDescending(i => i.CreatedAt).Take(100).ToListAsync(cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ManagerInvitationResponse>>(invitations
            .Select(i => new ManagerInvitationResponse(i.Id, i.Email, i.StateAt(now), i.CreatedAt, i.ExpiresAt, i.AcceptedAt)).ToList());
    }

    internal static async Task<Results<NoContent, ProblemHttpResult>> WithdrawAsync(
        Guid id, ClaimsPrincipal caller, InstitutionDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (await ManagedInstitution.FindAsync(db, caller, cancellationToken) is not { } institution)
        {
            return InstitutionEndpoints.NotAManager();
        }

        var invitation = await db.ManagerInvitations.SingleOrDefaultAsync(i => i.Id == id && i.InstitutionId == institution.Id, cancellationToken);
        if (invitation is null || invitation.StateAt(clock.GetUtcNow()) != ManagerInvitation.Pending)
        {
            return Problems.NotFound("No pending invitation with this id.");
        }

        db.ManagerInvitations.Remove(invitation);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.NoContent();
    }

    internal static async Task<Results<Ok<ManagerResponse>, ProblemHttpResult>> AcceptAsync(
        ManagerInvitationAccept request, ClaimsPrincipal caller, InstitutionDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var hash = ManagerInvitation.Hash(request.Code);
        var invitation = await db.ManagerInvitations.SingleOrDefaultAsync(i => i.CodeHash == hash, cancellationToken);
        // Only the account's confirmed email counts: identity confirmed it, and it is in the token.
        if (invitation is null || !invitation.IsUsableBy(caller.FindFirstValue(LmsClaims.Email), now))
        {
            return Problems.NotFound("No invitation with this code is open for your account.");
        }

        var userId = caller.GetUserId();
        if (await db.Managers.AnyAsync(m => m.UserId == userId, cancellationToken))
        {
            return Problems.Conflict("already-a-manager", "You already manage an institution.");
        }

        var institution = await db.Institutions.Include(i => i.Managers).SingleAsync(i => i.Id == invitation.InstitutionId, cancellationToken);
        var manager = institution.AddManager(userId, now);
        invitation.Accept(userId, now);
        db.PublishOnSave(new InstitutionManagerAdded(institution.Id, userId, now));
        if (await InstitutionEndpoints.SaveAsync(db, cancellationToken) is { } conflict)
        {
            return conflict;
        }

        var user = await db.Users.AsNoTracking().SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        return TypedResults.Ok(new ManagerResponse(userId, user?.Name, user?.Email ?? invitation.Email, manager.AddedAt));
    }

    private static MimeMessage Message(MailOptions options, string email, string institutionName, string code, DateTimeOffset expiresAt)
    {
        var message = new MimeMessage
        {
            Subject = $"[LMS] {institutionName} 관리자 초대 / Invitation to manage {institutionName}",
            Body = new TextPart("plain")
            {
                Text = $"""
                    {institutionName}에서 훈련기관 관리자로 초대했습니다.
                    이 이메일 주소로 로그인한 뒤 관리자 초대 수락 화면에서 코드를 입력하세요: {code}
                    코드는 {expiresAt:yyyy-MM-dd}까지 한 번만 사용할 수 있습니다.

                    {institutionName} invites you to manage its courses. Your invitation code is {code}.
                    Sign in with this email address and accept the invitation before {expiresAt:yyyy-MM-dd}.
                    """,
            },
        };
        message.From.Add(MailboxAddress.Parse(options.From));
        message.To.Add(MailboxAddress.Parse(email));
        return message;
    }
}
