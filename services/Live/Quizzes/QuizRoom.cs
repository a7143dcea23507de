using Lms.Live.Classroom;
using Lms.Live.Data;
using Microsoft.AspNetCore.SignalR;
using Microsoft.EntityFrameworkCore;

namespace Lms.Live.Quizzes;

/// <summary>
/// What the classroom hears about quizzes: the push, live tallies for managers, and the close with its reveal and the
/// updated leaderboards.
/// </summary>
public sealed class QuizRoom(LiveDbContext db, IHubContext<ClassroomHub> hub, Leaderboard leaderboard, TimeProvider clock)
{
    public Task AnnounceAsync(LiveQuiz quiz, CancellationToken cancellationToken) =>
        hub.Clients.Group(ClassroomHub.Everyone(quiz.SessionId)).SendAsync(Classroom.ClassroomEvents.QuizStarted, Started(quiz), cancellationToken);

    public async Task TallyAsync(LiveQuiz quiz, CancellationToken cancellationToken) =>
        await hub.Clients.Group(ClassroomHub.Managers(quiz.SessionId))
            .SendAsync(Classroom.ClassroomEvents.QuizTally, new QuizTallyView(quiz.Id, await CountsAsync(quiz, cancellationToken)), cancellationToken);

    /// <summary>
    /// Closes an open quiz (by a manager or at its time limit) and reveals it; answers are already stored with their
    /// correctness, so closing is what makes them final. Null when another instance or request closed it first.
    /// </summary>
    public async Task<QuizRefusal?> CloseAsync(LiveQuiz quiz, CancellationToken cancellationToken)
    {
        if (quiz.Close(clock.GetUtcNow()) is { } refusal)
        {
            return refusal;
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new QuizRefusal("quiz-state", "The quiz was closed meanwhile.");
        }
        var counts = await CountsAsync(quiz, cancellationToken);
        await hub.Clients.Group(ClassroomHub.Everyone(quiz.SessionId))
            .SendAsync(Classroom.ClassroomEvents.QuizClosed, new QuizClosedView(quiz.Id, quiz.CorrectOption, quiz.Solution, counts), cancellationToken);
        await leaderboard.PushAsync(quiz.SessionId, cancellationToken);
        return null;
    }

    public async Task<IReadOnlyList<int>> CountsAsync(LiveQuiz quiz, CancellationToken cancellationToken)
    {
        var byOption = await db.QuizAnswers.Where(a => a.QuizId == quiz.Id).GroupBy(a => a.Option)
            .Select(g => new { Option = g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        return [.. Enumerable.Range(0, quiz.Options.Count).Select(i => byOption.SingleOrDefault(c => c.Option == i)?.Count ?? 0)];
    }

    public static QuizStartedView Started(LiveQuiz quiz) => new(quiz.Id, quiz.Question, quiz.Options, quiz.EndsAt!.Value);
}
