using Lms.ServiceDefaults.Email;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Lms.Identity.Email;

/// <summary>The message that carries a password reset code (Korean first, English below), queued rather than sent inline.</summary>
public sealed class PasswordResetEmail(OutgoingMail queue, IOptions<MailOptions> options)
{
    public void Queue(string email, string name, string code)
    {
        var message = new MimeMessage
        {
            Subject = $"[LMS] 비밀번호 재설정 코드 {code} / Your password reset code",
            Body = new TextPart("plain")
            {
                Text = $"""
                    {name}님, 안녕하세요.

                    비밀번호 재설정 코드: {code}
                    코드는 15분 동안 한 번만 사용할 수 있습니다.

                    Your password reset code is {code}. It can be used once within 15 minutes.
                    If you did not ask to reset your password, ignore this message; your password is unchanged.
                    """,
            },
        };
        message.From.Add(MailboxAddress.Parse(options.Value.From));
        message.To.Add(new MailboxAddress(name, email));
        queue.Enqueue(message);
    }
}
