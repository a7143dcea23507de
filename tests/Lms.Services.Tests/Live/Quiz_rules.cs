using Lms.Live.Quizzes;
using Lms.Live.Sessions;

namespace Lms.Services.Tests.Live;

public sealed class Quiz_rules
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private static LiveQuiz NewQuiz() => LiveQuiz.Prepare(Guid.NewGuid(), " 질문 ", [" 가 ", "나", "다"], 2, "  ", 30, Now);

    [Fact]
    public void Is_pushed_only_while_the_session_is_live_and_only_once()
    {
        var quiz = NewQuiz();

        Assert.Equal("session-not-live", quiz.Push(SessionStates.Scheduled, Now)?.Type);
        Assert.Null(quiz.Push(SessionStates.Live, Now));
        Assert.Equal("quiz-state", quiz.Push(SessionStates.Live, Now)?.Type);
        Assert.Equal(Now.AddSeconds(30), quiz.EndsAt);
        Assert.Equal("질문", quiz.Question);
        Assert.Equal("가", quiz.Options[0]);
        Assert.Null(quiz.Solution);
    }

    [Fact]
    public void Takes_answers_only_while_open_before_the_limit_and_within_the_options()
    {
        var quiz = NewQuiz();
        Assert.Equal("quiz-closed", quiz.CheckAnswer(0, Now)?.Type);
        quiz.Push(SessionStates.Live, Now);

        Assert.Null(quiz.CheckAnswer(2, Now.AddSeconds(29)));
        Assert.Equal("quiz-option", quiz.CheckAnswer(3, Now)?.Type);
        Assert.Equal("quiz-option", quiz.CheckAnswer(-1, Now)?.Type);
        Assert.Equal("quiz-closed", quiz.CheckAnswer(0, Now.AddSeconds(30))?.Type);
        Assert.Null(quiz.Close(Now.AddSeconds(10)));
        Assert.Equal("quiz-closed", quiz.CheckAnswer(0, Now.AddSeconds(11))?.Type);
        Assert.Equal("quiz-state", quiz.Close(Now.AddSeconds(12))?.Type);
    }
}
