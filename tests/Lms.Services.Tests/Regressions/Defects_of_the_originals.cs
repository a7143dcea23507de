using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lms.Services.Tests.Board;
using Lms.Services.Tests.Student;
using Lms.Services.Tests.Support;

namespace Lms.Services.Tests.Regressions;

/// <summary>
/// One test per defect of the original systems (docs/DOMAIN.md, "Defects of the originals"), named after it, each
/// failing on the original behaviour. Other defects of that list have their own tests where the feature lives.
/// </summary>
[Collection(PlatformGroup.Name)]
public sealed class Defects_of_the_originals(Platform platform)
{
    [Fact]
    public async Task Callers_identified_by_a_query_string_user_id()
    {
        var mine = await StudentScenarios.ClassAsync(platform);
        var theirs = await StudentScenarios.ClassAsync(platform);

        var listed = await (await mine.Learner.GetAsync($"/student/v1/enrollments?userId={theirs.Learner.UserId}")).Content.ReadFromJsonAsync<JsonElement>();

        var ids = listed.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("id").GetGuid()).ToList();
        Assert.Contains(mine.EnrollmentId, ids);
        Assert.DoesNotContain(theirs.EnrollmentId, ids);
    }

    [Fact]
    public async Task No_ownership_checks_anyone_could_act_for_anyone()
    {
        var mine = await StudentScenarios.ClassAsync(platform);
        var theirs = await StudentScenarios.ClassAsync(platform);

        var read = await mine.Learner.GetAsync(theirs.Enrollment);
        var opened = await mine.Learner.PostAsync(theirs.Open(theirs.DocumentId));

        await read.AssertProblemAsync(HttpStatusCode.NotFound);
        await opened.AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Theory]
    [InlineData("student", "/student/v1/enrollments")]
    [InlineData("company", "/company/v1/members")]
    [InlineData("institution", "/institution/v1/courses")]
    [InlineData("board", "/board/v1/posts/mine")]
    [InlineData("content", "/content/v1/files/0190a5c0-0000-7000-8000-000000000000")]
    public async Task Unauthenticated_apis(string service, string path)
    {
        var host = platform.All.Single(h => h.Name == service);

        var response = await Caller.Anonymous(host.Client).GetAsync(path);

        await response.AssertProblemAsync(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Opening_a_content_item_counted_as_completing_it()
    {
        var c = await StudentScenarios.ClassAsync(platform);

        var opened = await c.Learner.PostAsync(c.Open(c.VideoId));

        await opened.AssertProblemAsync(HttpStatusCode.BadRequest);
        var detail = await (await c.Learner.GetAsync(c.Enrollment)).Content.ReadFromJsonAsync<JsonElement>();
        var video = detail.GetProperty("chapters").EnumerateArray().SelectMany(ch => ch.GetProperty("items").EnumerateArray())
            .Single(i => i.GetProperty("id").GetGuid() == c.VideoId);
        Assert.NotEqual("COMPLETED", video.GetProperty("state").GetString());
    }

    [Fact]
    public async Task Board_answered_flag_and_role_taken_from_the_client()
    {
        var c = await BoardScenarios.ClassAsync(platform);

        var posted = await c.Learner.PostAsync(BoardScenarios.Posts(c),
            new { type = "QUESTION", title = "답변된 척", body = "본문", answered = true, pinned = true, authorRole = "MANAGER" });
        var asNotice = await c.Learner.PostAsync(BoardScenarios.Posts(c), new { type = "NOTICE", title = "공지인 척", body = "본문", role = "MANAGER" });

        var post = await posted.Content.ReadFromJsonAsync<JsonElement>();
        Assert.False(post.GetProperty("answered").GetBoolean());
        Assert.False(post.GetProperty("pinned").GetBoolean());
        await asNotice.AssertProblemAsync(HttpStatusCode.Forbidden);
    }
}
