using Lms.Services.Tests.Support;
using Lms.Testing;

namespace Lms.Services.Tests.Projections;

[Collection(PlatformGroup.Name)]
public sealed class Keeping_a_user_directory(Platform platform)
{
    [Theory]
    [InlineData("institution")]
    [InlineData("company")]
    [InlineData("student")]
    [InlineData("live")]
    [InlineData("board")]
    public async Task Each_service_learns_of_a_new_user_from_the_bus(string service)
    {
        var created = await platform.Identity.Client.SignUpAsync(NewAccounts.Unique("이영희"));

        var user = await Eventually.GetAsync(() => platform.UserDirectories[service](created.UserId), u => u is not null,
            TimeSpan.FromSeconds(30), $"{service} has user {created.UserId}");

        Assert.Equal(created.Email, user!.Email);
        Assert.Equal(created.Username, user.Username);
        Assert.Equal("이영희", user.Name);
    }
}
