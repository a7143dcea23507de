using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Lms.Company.Companies;
using Lms.Company.Data;
using Lms.ServiceDefaults.Email;
using Lms.ServiceDefaults.Http;
using Lms.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Lms.Company.Invitations;

public sealed record InvitationRequest([property: Required, EmailAddress, MaxLength(256)] string Email);

public sealed record InvitationResponse(Guid Id, string Email, DateTimeOffset ExpiresAt);

public static partial class InvitationEndpoints
{
    [LoggerMessage(LogLevel.Error, "Invitation {InvitationId} was saved but its email could not be sent")]
    private static partial void LogNotSent(ILogger logger, Exception exception, Guid invitationId);

    public static RouteGroupBuilder MapInvitationEndpoints(this RouteGroupBuilder api)
    {
        api.MapPost("/invitations", InviteAsync).ProducesProblem(StatusCodes.Status503ServiceUnavailable).RequireAuthorization(Roles.CompanySupervisor)
            .WithSummary("Email an invitation code to join the company as an employee")
            .WithDescription("The code is sent only by email; it works once, for the account with that email, for seven days.")
            .WithTags("Members");
        return api;
    }

    internal static async Task<Results<Created<InvitationResponse>, ProblemHttpResult>> InviteAsync(
        InvitationRequest request, ClaimsPrincipal caller, CompanyDbContext db, IEmailSender mail, IOptions<MailOptions> mailOptions,
        TimeProvider clock, ILogger<InvitationRequest> logger, CancellationToken cancellationToken)
    {
        if (await MyCompany.FindAsync(db, caller, cancellationToken) is not { } company)
        {
            return CompanyEndpoints.NotASupervisor();
        }

        if (!MailboxAddress.TryParse(request.Email, out _))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "This email address cannot receive mail.",
                type: Problems.TypeBase + "invalid-email");
        }

        var (invitation, code) = Invitation.Issue(company.Id, request.Email, clock.GetUtcNow());
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync(cancellationToken);
        try
        {
            await mail.SendAsync(Message(mailOptions.Value, invitation.Email, company.Name, code, invitation.ExpiresAt), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The invitation stands; the supervisor can send another. Say so rather than fail with a 500.
            LogNotSent(logger, ex, invitation.Id);
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable,
                title: "The invitation was saved but the email could not be sent. Try inviting again shortly.",
                type: Problems.TypeBase + "mail-unavailable");
        }

        return TypedResults.Created($"/company/v1/invitations/{invitation.Id}", new InvitationResponse(invitation.Id, invitation.Email, invitation.ExpiresAt));
    }

    private static MimeMessage Message(MailOptions options, string email, string companyName, string code, DateTimeOffset expiresAt)
    {
        var message = new MimeMessage
        {
            Subject = $"[LMS] {companyName} 초대 코드 / Invitation to {companyName}",
            Body = new TextPart("plain")
            {
                Text = $"""
                    {companyName}에서 교육 플랫폼에 초대했습니다.
                    가입 후 회사 참여 화면에서 초대 코드를 입력하세요: {code}
                    코드는 {expiresAt:yyyy-MM-dd}까지 한 번만 사용할 수 있습니다.

                    {companyName} invites you to its training platform. Your invitation code is {code}.
                    Sign up with this email address, then join the company with the code before {expiresAt:yyyy-MM-dd}.
                    """,
            },
        };
        message.From.Add(MailboxAddress.Parse(options.From));
        message.To.Add(MailboxAddress.Parse(email));
        return message;
    }
}
