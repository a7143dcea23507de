using System.Globalization;
using Lms.Identity.Data;
using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Lms.Identity.Accounts;

/// <summary>Takes and gives back guesses of an account's <see cref="CodeGuessBudget"/> in the database.</summary>
public sealed class CodeGuesses(AccountsDbContext db, TimeProvider clock)
{
    /// <summary>Takes one guess for <paramref name="userId"/>; when none is left, the time until the window ends.</summary>
    public async Task<TimeSpan?> TryTakeAsync(Guid userId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await EnsureBudgetAsync(userId, now, cancellationToken);

        // One statement, so parallel guesses cannot overrun the budget. MariaDB evaluates the assignments left to
        // right: Guesses is judged against the window before the window itself moves.
        var windowStart = now - CodeGuessBudget.Window;
        var taken = await db.CodeGuessBudgets
            .Where(b => b.UserId == userId && (b.WindowStartedAt <= windowStart || b.Guesses < CodeGuessBudget.MaxWrongGuesses))
            .ExecuteUpdateAsync(b => b
                .SetProperty(x => x.Guesses, x => x.WindowStartedAt <= windowStart ? 1 : x.Guesses + 1)
                .SetProperty(x => x.WindowStartedAt, x => x.WindowStartedAt <= windowStart ? now : x.WindowStartedAt), cancellationToken);
        if (taken == 1)
        {
            return null;
        }

        var budget = await db.CodeGuessBudgets.AsNoTracking().SingleAsync(b => b.UserId == userId, cancellationToken);
        return budget.RetryAfter(now);
    }

    /// <summary>Gives back the guess taken for a code that turned out right.</summary>
    public Task GiveBackAsync(Guid userId, CancellationToken cancellationToken) =>
        db.CodeGuessBudgets
            .Where(b => b.UserId == userId && b.Guesses > 0)
            .ExecuteUpdateAsync(b => b.SetProperty(x => x.Guesses, x => x.Guesses - 1), cancellationToken);

    /// <summary>429 with Retry-After: no more guesses for this account until its window ends.</summary>
    public static ProblemHttpResult Exhausted(HttpResponse response, TimeSpan retryAfter)
    {
        response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many wrong codes for this account. Try again later.", type: Problems.TypeBase + "code-guesses-exhausted");
    }

    private async Task EnsureBudgetAsync(Guid userId, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (await db.CodeGuessBudgets.AnyAsync(b => b.UserId == userId, cancellationToken))
        {
            return;
        }

        var budget = CodeGuessBudget.Open(userId, now);
        db.CodeGuessBudgets.Add(budget);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.IsUniqueViolation())
        {
            // A parallel guess opened it first.
        }
        finally
        {
            db.Entry(budget).State = EntityState.Detached;
        }
    }
}
