using System.Net;
using System.Net.Http.Json;
using Lms.Services.Tests.Support;

namespace Lms.Services.Tests.Board;

/// <summary>Every board endpoint × every kind of caller.</summary>
[Collection(PlatformGroup.Name)]
public sealed class Board_role_matrix(Platform platform)
{
    // Who gets through: m = manager, l = learner (author of the post and comment), o = another learner, s = stranger.
    public static TheoryData<string, string, string> Endpoints => new()
    {
        { "GET", "/board/v1/course-provides/{cp}/posts", "mlo" },
        { "POST", "/board/v1/course-provides/{cp}/posts", "lo" },
        { "GET", "/board/v1/posts/mine", "mlos" },
        { "GET", "/board/v1/posts/{post}", "mlo" },
        { "PUT", "/board/v1/posts/{post}", "l" },
        { "DELETE", "/board/v1/posts/{post}", "ml" },
        { "GET", "/board/v1/posts/{post}/comments", "mlo" },
        { "POST", "/board/v1/posts/{post}/comments", "mlo" },
        { "PUT", "/board/v1/comments/{comment}", "l" },
        { "DELETE", "/board/v1/comments/{comment}", "ml" },
    };

    [Theory]
    [MemberData(nameof(Endpoints))]
    public async Task Lets_through_only_who_may(string method, string template, string allowed)
    {
        var c = await BoardScenarios.ClassAsync(platform);
        var callers = new Dictionary<char, Caller> { ['m'] = c.Manager, ['l'] = c.Learner, ['o'] = c.OtherLearner, ['s'] = c.Stranger };

        var anonymous = await Caller.Anonymous(platform.Board.Client).SendAsync(new HttpMethod(method), await PathAsync(c, template), Body(template));
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        foreach (var (who, caller) in callers)
        {
            var response = await caller.SendAsync(new HttpMethod(method), await PathAsync(c, template), Body(template));
            var ok = allowed.Contains(who, StringComparison.Ordinal)
                ? (int)response.StatusCode is >= 200 and < 300
                : response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound;
            Assert.True(ok, $"{who} {method} {template} → {(int)response.StatusCode}");
        }
    }

    // A fresh question and comment by the learner for every call, so deletes do not affect the next caller.
    private static async Task<string> PathAsync(ClassBoard c, string template)
    {
        var post = await c.Learner.PostAsync(BoardScenarios.Posts(c), new { type = "QUESTION", title = "행렬", body = "본문" });
        var postId = (await post.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
        var comment = await c.Learner.PostAsync($"/board/v1/posts/{postId}/comments", new { body = "댓글" });
        var commentId = (await comment.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("id").GetGuid();
        return template.Replace("{cp}", c.ProvisionId.ToString(), StringComparison.Ordinal)
            .Replace("{post}", postId.ToString(), StringComparison.Ordinal)
            .Replace("{comment}", commentId.ToString(), StringComparison.Ordinal);
    }

    private static object? Body(string template) => template switch
    {
        "/board/v1/course-provides/{cp}/posts" => new { type = "QUESTION", title = "질문", body = "본문" },
        "/board/v1/posts/{post}" => new { title = "제목", body = "본문" },
        "/board/v1/posts/{post}/comments" or "/board/v1/comments/{comment}" => new { body = "댓글" },
        _ => null,
    };
}
