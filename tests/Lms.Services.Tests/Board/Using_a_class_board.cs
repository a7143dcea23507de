using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lms.Services.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.Services.Tests.Board;

[Collection(PlatformGroup.Name)]
public sealed class Using_a_class_board(Platform platform)
{
    [Fact]
    public async Task Managers_post_notices_learners_ask_questions_and_not_the_other_way_round()
    {
        var c = await BoardScenarios.ClassAsync(platform);

        var notice = await c.Manager.PostAsync(BoardScenarios.Posts(c), new { type = "NOTICE", title = "개강 안내", body = "다음 주 월요일 개강" });
        var question = await c.Learner.PostAsync(BoardScenarios.Posts(c), new { type = "QUESTION", title = "수료 기준?", body = "몇 % 들어야 하나요?" });
        var learnerNotice = await c.Learner.PostAsync(BoardScenarios.Posts(c), new { type = "NOTICE", title = "가짜 공지", body = "x" });
        var managerQuestion = await c.Manager.PostAsync(BoardScenarios.Posts(c), new { type = "QUESTION", title = "?", body = "x" });

        Assert.Equal(HttpStatusCode.Created, notice.StatusCode);
        Assert.Equal(HttpStatusCode.Created, question.StatusCode);
        await learnerNotice.AssertProblemAsync(HttpStatusCode.Forbidden);
        await managerQuestion.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task Someone_outside_the_class_finds_no_board()
    {
        var c = await BoardScenarios.ClassAsync(platform);
        var post = await CreateAsync(c.Learner, c, "QUESTION", "질문");

        await (await c.Stranger.GetAsync(BoardScenarios.Posts(c))).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await c.Stranger.PostAsync(BoardScenarios.Posts(c), new { type = "QUESTION", title = "t", body = "b" })).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await c.Stranger.GetAsync($"/board/v1/posts/{post}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await c.Stranger.PostAsync($"/board/v1/posts/{post}/comments", new { body = "b" })).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_notice_emails_every_learner_of_the_class()
    {
        var c = await BoardScenarios.ClassAsync(platform);

        await CreateAsync(c.Manager, c, "NOTICE", "시험 일정 안내");

        await platform.BoardMail.ReceivedAsync(c.LearnerEmail, "시험 일정 안내");
        await platform.BoardMail.ReceivedAsync(c.OtherLearnerEmail, "시험 일정 안내");
    }

    [Fact]
    public async Task A_question_is_answered_only_by_a_managers_comment_and_unanswered_when_that_goes()
    {
        var c = await BoardScenarios.ClassAsync(platform);
        var question = await CreateAsync(c.Learner, c, "QUESTION", "과제 제출 방법");

        await c.OtherLearner.PostAsync($"/board/v1/posts/{question}/comments", new { body = "저도 궁금해요" });
        var afterPeer = await ReadAsync(c.Learner, question);
        var answer = await (await c.Manager.PostAsync($"/board/v1/posts/{question}/comments", new { body = "메일로 제출하세요" })).Content.ReadFromJsonAsync<JsonElement>();
        var afterManager = await ReadAsync(c.Learner, question);
        await platform.BoardMail.ReceivedAsync(c.LearnerEmail, "과제 제출 방법");
        (await c.Manager.DeleteAsync($"/board/v1/comments/{answer.GetProperty("id").GetGuid()}")).EnsureSuccessStatusCode();
        var afterDelete = await ReadAsync(c.Learner, question);

        Assert.False(afterPeer.GetProperty("answered").GetBoolean());
        Assert.True(afterManager.GetProperty("answered").GetBoolean());
        Assert.Equal(2, afterManager.GetProperty("commentCount").GetInt32());
        Assert.False(afterDelete.GetProperty("answered").GetBoolean());
        Assert.Equal(1, afterDelete.GetProperty("commentCount").GetInt32());
    }

    [Fact]
    public async Task The_asker_is_told_of_an_answer_once_even_if_it_is_withdrawn_and_given_again()
    {
        var c = await BoardScenarios.ClassAsync(platform);
        var question = await CreateAsync(c.Learner, c, "QUESTION", "한 번만 알림");

        var first = await (await c.Manager.PostAsync($"/board/v1/posts/{question}/comments", new { body = "답 1" })).Content.ReadFromJsonAsync<JsonElement>();
        await platform.BoardMail.ReceivedAsync(c.LearnerEmail, "한 번만 알림");
        (await c.Manager.DeleteAsync($"/board/v1/comments/{first.GetProperty("id").GetGuid()}")).EnsureSuccessStatusCode();
        (await c.Manager.PostAsync($"/board/v1/posts/{question}/comments", new { body = "답 2" })).EnsureSuccessStatusCode();
        await Task.Delay(TimeSpan.FromSeconds(3));

        Assert.True((await ReadAsync(c.Learner, question)).GetProperty("answered").GetBoolean());
        Assert.Equal(1, platform.BoardMail.CountTo(c.LearnerEmail, "한 번만 알림"));
    }

    [Fact]
    public async Task A_manager_removal_that_arrives_before_the_addition_still_wins()
    {
        var c = await BoardScenarios.ClassAsync(platform);
        var institutionId = await platform.Board.WithDbAsync(db => db.Provisions.Where(p => p.ProvisionId == c.ProvisionId).Select(p => p.InstitutionId).SingleAsync());
        var former = Caller.As(platform.Board.Client, "InstitutionManager", institutionId, "institution");
        var bus = platform.Board.Services.GetRequiredService<MassTransit.IBus>();
        var addedAt = DateTimeOffset.UtcNow.AddMinutes(-5);

        await bus.Publish(new Lms.Contracts.Memberships.InstitutionManagerRemoved(institutionId, former.UserId, addedAt.AddMinutes(1)));
        await Eventually.TrueAsync(() => platform.Board.WithDbAsync(db => db.Managers.AnyAsync(m => m.UserId == former.UserId)),
            TimeSpan.FromSeconds(20), "the removal is recorded");
        await bus.Publish(new Lms.Contracts.Memberships.InstitutionManagerAdded(institutionId, former.UserId, addedAt));
        await Task.Delay(TimeSpan.FromSeconds(2));

        await (await former.GetAsync(BoardScenarios.Posts(c))).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_person_counts_as_one_view_however_often_and_however_concurrently_they_read()
    {
        var c = await BoardScenarios.ClassAsync(platform);
        var notice = await CreateAsync(c.Manager, c, "NOTICE", "조회수 공지");

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => c.Learner.GetAsync($"/board/v1/posts/{notice}")));
        await c.Learner.GetAsync($"/board/v1/posts/{notice}");
        var seen = await ReadAsync(c.OtherLearner, notice);

        Assert.Equal(2, seen.GetProperty("viewCount").GetInt32());
    }

    [Fact]
    public async Task Concurrent_comments_are_all_counted()
    {
        var c = await BoardScenarios.ClassAsync(platform);
        var question = await CreateAsync(c.Learner, c, "QUESTION", "동시 댓글");

        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(i =>
            (i % 2 == 0 ? c.Learner : c.OtherLearner).PostAsync($"/board/v1/posts/{question}/comments", new { body = $"댓글 {i}" })));

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Created, a.StatusCode));
        Assert.Equal(12, (await ReadAsync(c.Learner, question)).GetProperty("commentCount").GetInt32());
    }

    [Fact]
    public async Task Authors_edit_their_own_posts_and_comments_and_nobody_elses()
    {
        var c = await BoardScenarios.ClassAsync(platform);
        var notice = await CreateAsync(c.Manager, c, "NOTICE", "공지");
        var question = await CreateAsync(c.Learner, c, "QUESTION", "질문");
        var comment = await (await c.Learner.PostAsync($"/board/v1/posts/{question}/comments", new { body = "덧붙임" })).Content.ReadFromJsonAsync<JsonElement>();
        var commentId = comment.GetProperty("id").GetGuid();

        var ownQuestion = await c.Learner.PutAsync($"/board/v1/posts/{question}", new { title = "질문 (수정)", body = "고쳤어요" });
        var theNotice = await c.Learner.PutAsync($"/board/v1/posts/{notice}", new { title = "해킹", body = "x" });
        var othersComment = await c.OtherLearner.PutAsync($"/board/v1/comments/{commentId}", new { body = "남의 댓글" });
        var deleteOthersQuestion = await c.OtherLearner.DeleteAsync($"/board/v1/posts/{question}");

        Assert.Equal(HttpStatusCode.OK, ownQuestion.StatusCode);
        await theNotice.AssertProblemAsync(HttpStatusCode.Forbidden);
        await othersComment.AssertProblemAsync(HttpStatusCode.Forbidden);
        await deleteOthersQuestion.AssertProblemAsync(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task A_manager_deletes_a_post_and_its_comments_go_with_it()
    {
        var c = await BoardScenarios.ClassAsync(platform);
        var question = await CreateAsync(c.Learner, c, "QUESTION", "지울 질문");
        await c.OtherLearner.PostAsync($"/board/v1/posts/{question}/comments", new { body = "댓글" });

        var deleted = await c.Manager.DeleteAsync($"/board/v1/posts/{question}");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.False(await platform.Board.WithDbAsync(db => db.Comments.AnyAsync(x => x.PostId == question)));
        await (await c.Learner.GetAsync($"/board/v1/posts/{question}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Scripts_in_a_body_are_kept_as_written_but_never_rendered_to_run()
    {
        var c = await BoardScenarios.ClassAsync(platform);
        const string body = "<script>alert('x')</script> **굵게** [링크](javascript:alert(1)) [안전](https://example.com/a?b=1)";

        var post = await (await c.Learner.PostAsync(BoardScenarios.Posts(c), new { type = "QUESTION", title = "<img src=x onerror=alert(1)>", body }))
            .Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(body, post.GetProperty("body").GetString());
        var html = post.GetProperty("bodyHtml").GetString()!;
        Assert.DoesNotContain("<script", html, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("javascript:", html, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("&lt;script&gt;", html, StringComparison.Ordinal);
        Assert.Contains("<strong>굵게</strong>", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://example.com/a?b=1\"", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "본문")]
    [InlineData("   ", "본문")]
    [InlineData("제목", "")]
    public async Task An_empty_title_or_body_is_a_400(string title, string body)
    {
        var c = await BoardScenarios.ClassAsync(platform);

        var response = await c.Learner.PostAsync(BoardScenarios.Posts(c), new { type = "QUESTION", title, body });

        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Over_long_text_and_huge_pages_are_400()
    {
        var c = await BoardScenarios.ClassAsync(platform);

        var longTitle = await c.Learner.PostAsync(BoardScenarios.Posts(c), new { type = "QUESTION", title = new string('가', 201), body = "b" });
        var hugePage = await c.Learner.GetAsync($"{BoardScenarios.Posts(c)}?size=10000");

        await longTitle.AssertProblemAsync(HttpStatusCode.BadRequest);
        await hugePage.AssertProblemAsync(HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Pinned_notices_come_first_then_newest_and_text_search_and_my_posts_work()
    {
        var c = await BoardScenarios.ClassAsync(platform);
        var pinned = await (await c.Manager.PostAsync(BoardScenarios.Posts(c), new { type = "NOTICE", title = "고정 공지", body = "항상 위", pinned = true }))
            .Content.ReadFromJsonAsync<JsonElement>();
        await CreateAsync(c.Learner, c, "QUESTION", "첫 질문 키워드사과");
        var newest = await CreateAsync(c.OtherLearner, c, "QUESTION", "둘째 질문");

        var list = await (await c.Learner.GetAsync(BoardScenarios.Posts(c))).Content.ReadFromJsonAsync<JsonElement>();
        var search = await (await c.Learner.GetAsync($"{BoardScenarios.Posts(c)}?q=키워드사과")).Content.ReadFromJsonAsync<JsonElement>();
        var mine = await (await c.OtherLearner.GetAsync("/board/v1/posts/mine")).Content.ReadFromJsonAsync<JsonElement>();

        var ids = list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).ToList();
        Assert.Equal(pinned.GetProperty("id").GetGuid(), ids[0]);
        Assert.Equal(newest, ids[1]);
        Assert.Equal(3, list.GetProperty("total").GetInt32());
        Assert.Equal(1, search.GetProperty("total").GetInt32());
        Assert.Equal([newest], mine.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
    }

    private static async Task<Guid> CreateAsync(Caller author, ClassBoard c, string type, string title)
    {
        var response = await author.PostAsync(BoardScenarios.Posts(c), new { type, title, body = $"{title} 본문" });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private static async Task<JsonElement> ReadAsync(Caller reader, Guid postId) =>
        await (await reader.GetAsync($"/board/v1/posts/{postId}")).Content.ReadFromJsonAsync<JsonElement>();
}
