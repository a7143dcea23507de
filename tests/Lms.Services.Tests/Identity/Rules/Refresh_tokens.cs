using Lms.Identity.Sessions;

namespace Lms.Services.Tests.Identity.Rules;

public sealed class Refresh_tokens
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Are_random_and_stored_only_as_a_hash()
    {
        var (stored, token) = RefreshToken.Issue(Guid.NewGuid(), Guid.NewGuid(), Now);
        var (_, other) = RefreshToken.Issue(Guid.NewGuid(), Guid.NewGuid(), Now);

        Assert.NotEqual(token, other);
        Assert.True(token.Length >= 43);
        Assert.Equal(RefreshToken.Hash(token), stored.TokenHash);
        Assert.DoesNotContain(token, stored.TokenHash, StringComparison.Ordinal);
    }

    [Fact]
    public void Last_fourteen_days()
    {
        var (stored, _) = RefreshToken.Issue(Guid.NewGuid(), Guid.NewGuid(), Now);

        Assert.True(stored.IsUsable(Now.AddDays(14).AddSeconds(-1)));
        Assert.False(stored.IsUsable(Now.AddDays(14)));
        Assert.False(stored.IsReplay);
    }
}
