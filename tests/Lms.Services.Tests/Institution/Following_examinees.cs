using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lms.Contracts.Exams;
using Lms.ServiceDefaults.Users;
using Lms.Services.Tests.Support;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Lms.Services.Tests.Institution.ExamScenarios;

namespace Lms.Services.Tests.Institution;

/// <summary>The institution's view of who took its exams, kept from the student service's attempt events.</summary>
[Collection(PlatformGroup.Name)]
public sealed class Following_examinees(Platform platform)
{
    private static readonly TimeSpan Within = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task The_attempts_list_shows_examinees_and_their_graded_scores()
    {
        var (institutionId, manager) = await InstitutionScenarios.RegisterAsync(platform);
        var courseId = await InstitutionScenarios.CreateCourseAsync(manager);
        var examId = await PublishedExamAsync(manager, courseId);
        var learner = await KnownUserAsync("김학습");
        var unknownLearner = Guid.CreateVersion7();
        var startedAt = TruncatedNow().AddMinutes(-30);
        var graded = Guid.CreateVersion7();
        var inProgress = Guid.CreateVersion7();

        await Bus.Publish(Started(graded, examId, courseId, institutionId, learner.Id, startedAt));
        await Bus.Publish(Started(inProgress, examId, courseId, institutionId, unknownLearner, startedAt.AddMinutes(10)));
        await Bus.Publish(Graded(graded, examId, courseId, institutionId, learner.Id, startedAt, 87.5m, passed: true, startedAt.AddMinutes(12)));

        var list = await Eventually.GetAsync(() => AttemptsAsync(manager, examId),
            l => l.GetProperty("total").GetInt32() == 2 && l.GetProperty("items").EnumerateArray().Any(a =>
                a.GetProperty("state").GetString() == "GRADED" && a.GetProperty("deadline").ValueKind != JsonValueKind.Null),
            Within, "both attempts are known and one is graded");

        var items = list.GetProperty("items");
        Assert.Equal([inProgress, graded], items.EnumerateArray().Select(a => a.GetProperty("attemptId").GetGuid()));
        Assert.Equal("IN_PROGRESS", items[0].GetProperty("state").GetString());
        Assert.Equal(JsonValueKind.Null, items[0].GetProperty("name").ValueKind);
        Assert.Equal(JsonValueKind.Null, items[0].GetProperty("score").ValueKind);
        var done = items[1];
        Assert.Equal(learner.Id, done.GetProperty("userId").GetGuid());
        Assert.Equal("김학습", done.GetProperty("name").GetString());
        Assert.Equal(learner.Email, done.GetProperty("email").GetString());
        Assert.Equal(1, done.GetProperty("attemptNumber").GetInt32());
        Assert.Equal(startedAt, done.GetProperty("startedAt").GetDateTimeOffset());
        Assert.Equal(87.5m, done.GetProperty("score").GetDecimal());
        Assert.True(done.GetProperty("passed").GetBoolean());
        Assert.Equal(startedAt.AddMinutes(12), done.GetProperty("gradedAt").GetDateTimeOffset());

        var gradedOnly = await (await manager.GetAsync($"/institution/v1/exams/{examId}/attempts?state=GRADED&size=1")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, gradedOnly.GetProperty("total").GetInt32());
        Assert.Equal(graded, gradedOnly.GetProperty("items")[0].GetProperty("attemptId").GetGuid());
    }

    [Fact]
    public async Task A_grade_that_arrives_before_the_start_is_kept()
    {
        var (institutionId, manager) = await InstitutionScenarios.RegisterAsync(platform);
        var courseId = await InstitutionScenarios.CreateCourseAsync(manager);
        var examId = await PublishedExamAsync(manager, courseId);
        var learner = Guid.CreateVersion7();
        var attemptId = Guid.CreateVersion7();
        var startedAt = TruncatedNow().AddMinutes(-20);

        await Bus.Publish(Graded(attemptId, examId, courseId, institutionId, learner, startedAt, 40m, passed: false, startedAt.AddMinutes(15)));
        await Eventually.TrueAsync(() => platform.Institution.WithDbAsync(db => db.ExamAttempts.AnyAsync(a => a.AttemptId == attemptId)),
            Within, "the institution knows the graded attempt");
        await Bus.Publish(Started(attemptId, examId, courseId, institutionId, learner, startedAt));
        var attempt = await Eventually.GetAsync(
            () => platform.Institution.WithDbAsync(db => db.ExamAttempts.AsNoTracking().SingleAsync(a => a.AttemptId == attemptId)),
            a => a.Deadline is not null, Within, "the late start is handled");

        Assert.Equal("GRADED", attempt.State);
        Assert.Equal(40m, attempt.Score);
        Assert.False(attempt.Passed);
        var listed = (await AttemptsAsync(manager, examId)).GetProperty("items")[0];
        Assert.Equal("GRADED", listed.GetProperty("state").GetString());
    }

    private IBus Bus => platform.Institution.Services.GetRequiredService<IBus>();

    /// <summary>A person the institution's user directory knows (as if identity had announced them).</summary>
    private async Task<UserSummary> KnownUserAsync(string name)
    {
        var id = Guid.CreateVersion7();
        var user = new UserSummary
        {
            Id = id, Email = $"{id:N}@learner.example", Username = $"u{id:N}"[..20], Name = name,
            RegisteredAt = DateTimeOffset.UtcNow, UpdatedAt = DateTimeOffset.UtcNow,
        };
        await platform.Institution.WithDbAsync(db =>
        {
            db.Users.Add(user);
            return db.SaveChangesAsync();
        });
        return user;
    }

    private static async Task<JsonElement> AttemptsAsync(Caller manager, Guid examId)
    {
        var response = await manager.GetAsync($"/institution/v1/exams/{examId}/attempts");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}
