using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Lms.EndToEnd.Tests;

public sealed class Talking_on_a_class_board
{
    [Fact]
    public async Task A_notice_reaches_the_learners_and_a_question_is_answered_by_the_institution()
    {
        using var client = RunningPlatform.NewClient();
        var classroom = await Classroom.RegisterAsync(client, employees: 2);
        var (asker, peer) = (classroom.Employees[0], classroom.Employees[1]);
        var board = $"/board/v1/course-provides/{classroom.ProvisionId}/posts";

        // The board learns of the class and its learners from events; a notice goes to those it knows of, so the
        // learners' own view of the board (which needs their enrollments) comes first.
        await asker.SucceedAsync(HttpMethod.Get, board);
        await peer.SucceedAsync(HttpMethod.Get, board);
        var notice = await classroom.Manager.SucceedAsync(HttpMethod.Post, board, new { type = "NOTICE", title = "개강 안내", body = "**월요일** 개강합니다." });
        await RunningPlatform.Mail.ReceivedAsync(asker.Email, "개강 안내");
        await RunningPlatform.Mail.ReceivedAsync(peer.Email, "개강 안내");

        var question = await asker.SucceedAsync(HttpMethod.Post, board, new { type = "QUESTION", title = "수료 기준이 궁금합니다", body = "몇 %를 들어야 하나요?" });
        var questionId = question.GetProperty("id").GetGuid();
        await peer.SucceedAsync(HttpMethod.Post, $"/board/v1/posts/{questionId}/comments", new { body = "저도 궁금해요" });
        var afterPeer = await asker.SucceedAsync(HttpMethod.Get, $"/board/v1/posts/{questionId}");
        await classroom.Manager.SucceedAsync(HttpMethod.Post, $"/board/v1/posts/{questionId}/comments", new { body = "80% 이상입니다." });
        var afterManager = await asker.SucceedAsync(HttpMethod.Get, $"/board/v1/posts/{questionId}");
        await RunningPlatform.Mail.ReceivedAsync(asker.Email, "수료 기준이 궁금합니다");

        var editOwn = await asker.SendAsync(HttpMethod.Put, $"/board/v1/posts/{questionId}", new { title = "수료 기준 (해결)", body = "감사합니다" });
        var editNotice = await asker.SendAsync(HttpMethod.Put, $"/board/v1/posts/{notice.GetProperty("id").GetGuid()}", new { title = "가짜", body = "x" });

        Assert.False(afterPeer.GetProperty("answered").GetBoolean());
        Assert.True(afterManager.GetProperty("answered").GetBoolean());
        Assert.Equal(2, afterManager.GetProperty("commentCount").GetInt32());
        Assert.Equal(HttpStatusCode.OK, editOwn.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, editNotice.StatusCode);
        Assert.Equal("<p><strong>월요일</strong> 개강합니다.</p>", notice.GetProperty("bodyHtml").GetString());
    }
}
