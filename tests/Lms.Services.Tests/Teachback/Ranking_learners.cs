using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lms.Contracts.Identity;
using Lms.Contracts.Memberships;
using Lms.Contracts.Provisions;
using Lms.ServiceDefaults.Security;
using Lms.ServiceDefaults.Time;
using Lms.Services.Tests.Student;
using Lms.Services.Tests.Support;
using Lms.Student.Teachback.Ranking;
using Lms.Testing;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Lms.Services.Tests.Teachback.TeachbackScenarios;

namespace Lms.Services.Tests.Teachback;

/// <summary>The 30-day ranking: average score, at least 3 scored submissions, ties by count and then by who got there first.</summary>
[Collection(PlatformGroup.Name)]
public sealed class Ranking_learners(Platform platform)
{
    [Fact]
    public async Task A_course_ranking_orders_by_average_then_count_then_who_reached_it_first()
    {
        var c = await StudentScenarios.ClassAsync(platform);
        var me = c.Learner.UserId;
        var (top, more, later, few) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        var now = DateTimeOffset.UtcNow;
        await ScoreAsync(c.CourseId, top, now, 90, 90, 90);
        await ScoreAsync(c.CourseId, more, now, 80, 80, 80, 80);
        await ScoreAsync(c.CourseId, me, now.AddHours(-1), 70, 80, 90);
        await ScoreAsync(c.CourseId, later, now, 90, 80, 70);
        await ScoreAsync(c.CourseId, few, now, 100, 100);

        var ranking = await (await c.Learner.GetAsync($"/student/v1/teachbacks/ranking?courseId={c.CourseId}")).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("COURSE", ranking.GetProperty("scope").GetString());
        Assert.Equal(4, ranking.GetProperty("ranked").GetInt32());
        var entries = ranking.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal([1, 2, 3, 4], entries.Select(e => e.GetProperty("rank").GetInt32()));
        Assert.Equal([90m, 80m, 80m, 80m], entries.Select(e => e.GetProperty("averageScore").GetDecimal()));
        Assert.Equal([3, 4, 3, 3], entries.Select(e => e.GetProperty("count").GetInt32()));
        Assert.True(entries[2].GetProperty("isMe").GetBoolean(), "I reached 80 over 3 an hour before the other learner");
        var mine = ranking.GetProperty("me");
        Assert.Equal(3, mine.GetProperty("rank").GetInt32());
        Assert.Equal(50m, mine.GetProperty("percentile").GetDecimal());
    }

    [Fact]
    public async Task A_learner_is_ranked_from_the_third_scored_submission_on()
    {
        var c = await StudentScenarios.ClassAsync(platform);
        var topicId = await CourseTopicAsync(platform, c.CourseId, c.InstitutionId);
        for (var i = 0; i < 2; i++)
        {
            await FinalAsync(c.Learner, await SubmitTextAsync(c.Learner, topicId));
        }

        var before = await (await c.Learner.GetAsync($"/student/v1/teachbacks/ranking?courseId={c.CourseId}")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, before.GetProperty("me").GetProperty("rank").ValueKind);
        Assert.Equal(2, before.GetProperty("me").GetProperty("count").GetInt32());
        Assert.Equal(0, before.GetProperty("ranked").GetInt32());

        await FinalAsync(c.Learner, await SubmitTextAsync(c.Learner, topicId));
        var after = await (await c.Learner.GetAsync($"/student/v1/teachbacks/ranking?courseId={c.CourseId}")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, after.GetProperty("me").GetProperty("rank").GetInt32());
        Assert.Equal(100m, after.GetProperty("me").GetProperty("averageScore").GetDecimal());
        var global = await (await c.Learner.GetAsync("/student/v1/teachbacks/ranking")).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("GLOBAL", global.GetProperty("scope").GetString());
        Assert.Equal(3, global.GetProperty("me").GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task A_course_ranking_is_not_found_for_someone_outside_the_course()
    {
        var c = await StudentScenarios.ClassAsync(platform);

        await (await Learner(platform).GetAsync($"/student/v1/teachbacks/ranking?courseId={c.CourseId}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_course_ranking_names_my_colleagues_and_shows_other_companies_learners_by_a_stable_pseudonym()
    {
        var c = await StudentScenarios.ClassAsync(platform);
        var (colleague, outsider, otherCompany) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        var (colleagueName, outsiderName) = ($"동료{Random.Shared.Next(10000, 99999)}", $"타사학습자{Random.Shared.Next(10000, 99999)}");
        await JoinAsync(c.CompanyId, colleague, colleagueName);
        await JoinAsync(otherCompany, outsider, outsiderName);
        var now = DateTimeOffset.UtcNow;
        await ScoreAsync(c.CourseId, outsider, now, 100, 100, 100);
        await ScoreAsync(c.CourseId, c.Learner.UserId, now, 90, 90, 90);
        await ScoreAsync(c.CourseId, colleague, now, 80, 80, 80);

        var raw = await (await c.Learner.GetAsync($"/student/v1/teachbacks/ranking?courseId={c.CourseId}")).Content.ReadAsStringAsync();
        var again = await (await c.Learner.GetAsync($"/student/v1/teachbacks/ranking?courseId={c.CourseId}")).Content.ReadFromJsonAsync<JsonElement>();

        var ranking = JsonDocument.Parse(raw).RootElement;
        Assert.Equal(3, ranking.GetProperty("ranked").GetInt32());
        var entries = ranking.GetProperty("entries").EnumerateArray().ToList();
        Assert.Equal([1, 2, 3], entries.Select(e => e.GetProperty("rank").GetInt32()));
        Assert.Equal([true, false, false], entries.Select(e => e.GetProperty("pseudonymous").GetBoolean()));
        Assert.Matches("^학습자 #[A-HJ-NP-Z2-9]{6}$", entries[0].GetProperty("name").GetString());
        Assert.Equal(c.LearnerName, entries[1].GetProperty("name").GetString());
        Assert.Equal(colleagueName, entries[2].GetProperty("name").GetString());
        Assert.DoesNotContain(outsiderName, raw, StringComparison.Ordinal);
        Assert.Equal(entries[0].GetProperty("name").GetString(), again.GetProperty("entries")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task Learners_of_another_company_see_mine_by_pseudonym_and_ranks_stay_those_of_the_whole_course()
    {
        var c = await StudentScenarios.ClassAsync(platform);
        var (otherCompany, other) = (Guid.CreateVersion7(), Guid.CreateVersion7());
        await JoinAsync(otherCompany, other, $"타사학습자{Random.Shared.Next(10000, 99999)}");
        await platform.Student.Services.GetRequiredService<IBus>().Publish(new CourseProvisionChanged(Guid.CreateVersion7(), otherCompany, "다른회사",
            c.InstitutionId, "안전교육원", c.CourseId, "산업안전 기초", KoreaTime.Today(DateTimeOffset.UtcNow).AddDays(-1),
            KoreaTime.Today(DateTimeOffset.UtcNow).AddDays(29), 10, null, ProvisionStates.Registered, [other], [], 1));
        await Eventually.TrueAsync(() => platform.Student.WithDbAsync(db => db.Enrollments.AnyAsync(e => e.UserId == other)),
            TimeSpan.FromSeconds(30), "the other company's learner is enrolled");
        var now = DateTimeOffset.UtcNow;
        await ScoreAsync(c.CourseId, c.Learner.UserId, now, 100, 100, 100);
        await ScoreAsync(c.CourseId, other, now, 70, 70, 70);
        var otherLearner = Caller.As(platform.Student.Client, Roles.Employee, otherCompany, "company", userId: other);

        var mine = await (await c.Learner.GetAsync($"/student/v1/teachbacks/ranking?courseId={c.CourseId}")).Content.ReadFromJsonAsync<JsonElement>();
        var theirs = await (await otherLearner.GetAsync($"/student/v1/teachbacks/ranking?courseId={c.CourseId}")).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(c.LearnerName, mine.GetProperty("entries")[0].GetProperty("name").GetString());
        var seenByThem = theirs.GetProperty("entries")[0];
        Assert.Equal(1, seenByThem.GetProperty("rank").GetInt32());
        Assert.True(seenByThem.GetProperty("pseudonymous").GetBoolean());
        Assert.NotEqual(c.LearnerName, seenByThem.GetProperty("name").GetString());
        Assert.True(mine.GetProperty("entries")[1].GetProperty("pseudonymous").GetBoolean());
        Assert.True(theirs.GetProperty("entries")[1].GetProperty("isMe").GetBoolean());
        Assert.Equal(2, theirs.GetProperty("me").GetProperty("rank").GetInt32());
    }

    [Fact]
    public async Task A_colleague_who_has_left_the_company_is_no_longer_named()
    {
        var c = await StudentScenarios.ClassAsync(platform);
        var (colleague, name) = (Guid.CreateVersion7(), $"퇴사자{Random.Shared.Next(10000, 99999)}");
        await JoinAsync(c.CompanyId, colleague, name);
        await ScoreAsync(c.CourseId, colleague, DateTimeOffset.UtcNow, 90, 90, 90);
        await platform.Student.Services.GetRequiredService<IBus>().Publish(new CompanyMemberLeft(c.CompanyId, colleague, DateTimeOffset.UtcNow));
        await Eventually.TrueAsync(() => platform.Student.WithDbAsync(db => db.CompanyMembers.AnyAsync(m => m.UserId == colleague && !m.Active)),
            TimeSpan.FromSeconds(30), "the student service knows the colleague left");

        var ranking = await (await c.Learner.GetAsync($"/student/v1/teachbacks/ranking?courseId={c.CourseId}")).Content.ReadFromJsonAsync<JsonElement>();

        Assert.True(ranking.GetProperty("entries")[0].GetProperty("pseudonymous").GetBoolean());
        Assert.NotEqual(name, ranking.GetProperty("entries")[0].GetProperty("name").GetString());
    }

    [Fact]
    public async Task The_global_ranking_refuses_a_visitor_who_has_never_trained_here()
    {
        var problem = await (await Caller.Visitor(platform.Student.Client).GetAsync("/student/v1/teachbacks/ranking")).AssertProblemAsync(HttpStatusCode.Forbidden);

        Assert.Equal("https://lms.example/problems/ranking-needs-enrollment", problem.GetProperty("type").GetString());
    }

    [Fact]
    public async Task The_global_ranking_is_open_to_a_company_member_and_to_anyone_with_an_enrollment()
    {
        var c = await StudentScenarios.ClassAsync(platform);
        var memberWithoutCourses = Learner(platform);
        // Someone who has since left their company (a Visitor again) but trained here.
        var formerEmployee = Caller.Visitor(platform.Student.Client, userId: c.Learner.UserId);

        Assert.Equal(HttpStatusCode.OK, (await memberWithoutCourses.GetAsync("/student/v1/teachbacks/ranking")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await formerEmployee.GetAsync("/student/v1/teachbacks/ranking")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await c.Learner.GetAsync("/student/v1/teachbacks/ranking")).StatusCode);
    }

    /// <summary>A person registered with <paramref name="name"/> who joined <paramref name="companyId"/>, as the student service learns of it.</summary>
    private async Task JoinAsync(Guid companyId, Guid userId, string name)
    {
        var bus = platform.Student.Services.GetRequiredService<IBus>();
        await bus.Publish(new UserRegistered(userId, $"s{userId:N}@example.com", $"s{userId:N}"[..20], name, DateTimeOffset.UtcNow));
        await bus.Publish(new CompanyMemberJoined(companyId, userId, CompanyMemberRoles.Employee, DateTimeOffset.UtcNow));
        await Eventually.TrueAsync(() => platform.Student.WithDbAsync(async db =>
                await db.Users.AnyAsync(u => u.Id == userId) && await db.CompanyMembers.AnyAsync(m => m.UserId == userId && m.CompanyId == companyId && m.Active)),
            TimeSpan.FromSeconds(30), "the student service knows the member");
    }

    private Task<int> ScoreAsync(Guid courseId, Guid userId, DateTimeOffset at, params int[] scores) =>
        platform.Student.WithDbAsync(async db =>
        {
            foreach (var score in scores)
            {
                await RankingBook.RecordAsync(db, userId, courseId, score, KoreaTime.Today(at), at, CancellationToken.None);
            }
            return scores.Length;
        });
}
