using Lms.Contracts.Enrollments;
using Lms.Contracts.Identity;
using Lms.Contracts.Memberships;
using Lms.Contracts.Provisions;
using Lms.ServiceDefaults.Security;
using Lms.Services.Tests.Support;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.Services.Tests.Board;

/// <summary>A class as the board service learns of it from other services' events.</summary>
public sealed record ClassBoard(Guid ProvisionId, Caller Manager, Caller Learner, Caller OtherLearner, Caller Stranger, string LearnerEmail, string OtherLearnerEmail);

public static class BoardScenarios
{
    public static async Task<ClassBoard> ClassAsync(Platform platform)
    {
        var client = platform.Board.Client;
        var bus = platform.Board.Services.GetRequiredService<IBus>();
        var institutionId = Guid.CreateVersion7();
        var companyId = Guid.CreateVersion7();
        var provisionId = Guid.CreateVersion7();
        var courseId = Guid.CreateVersion7();
        var manager = Caller.As(client, Roles.InstitutionManager, institutionId, "institution");
        var learner = Caller.As(client, Roles.Employee, companyId, "company");
        var other = Caller.As(client, Roles.Employee, companyId, "company");
        var stranger = Caller.As(client, Roles.Employee, Guid.CreateVersion7(), "company");
        var now = DateTimeOffset.UtcNow;
        var today = DateOnly.FromDateTime(DateTime.UtcNow);

        var people = new[] { (manager, "관리자"), (learner, "학습자"), (other, "동료"), (stranger, "외부인") };
        foreach (var (person, name) in people)
        {
            await bus.Publish(new UserRegistered(person.UserId, Email(person), $"u{person.UserId:N}"[..20], name, now));
        }
        await bus.Publish(new CourseProvisionChanged(provisionId, companyId, "회사", institutionId, "기관", courseId, "게시판 과정",
            today, today.AddDays(30), 10, null, ProvisionStates.Registered, [learner.UserId, other.UserId], [], 4));
        await bus.Publish(new InstitutionManagerAdded(institutionId, manager.UserId, now));
        foreach (var enrolled in new[] { learner, other })
        {
            await bus.Publish(new EnrollmentActivated(Guid.CreateVersion7(), enrolled.UserId, provisionId, courseId, companyId, institutionId, now));
        }

        await Eventually.TrueAsync(() => platform.Board.WithDbAsync(async db =>
                await db.Provisions.AnyAsync(p => p.ProvisionId == provisionId) &&
                await db.Managers.AnyAsync(m => m.UserId == manager.UserId) &&
                await db.Enrollments.CountAsync(e => e.ProvisionId == provisionId) == 2 &&
                await db.Users.CountAsync(u => u.Id == learner.UserId || u.Id == other.UserId || u.Id == manager.UserId) == 3),
            TimeSpan.FromSeconds(30), "the board knows the class");
        return new ClassBoard(provisionId, manager, learner, other, stranger, Email(learner), Email(other));
    }

    public static string Email(Caller person) => $"board.{person.UserId:N}@example.com";

    public static string Posts(ClassBoard c) => $"/board/v1/course-provides/{c.ProvisionId}/posts";
}
