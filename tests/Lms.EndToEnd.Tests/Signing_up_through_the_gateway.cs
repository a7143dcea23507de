using Lms.Testing;

namespace Lms.EndToEnd.Tests;

public sealed class Signing_up_through_the_gateway
{
    [Fact]
    public async Task Every_service_that_shows_people_learns_of_the_new_user()
    {
        var userId = await RunningPlatform.SignUpAsync(RunningPlatform.NewSignUp("정서연"));

        foreach (var service in RunningPlatform.ServicesWithUsers)
        {
            var name = await Eventually.GetAsync(() => RunningPlatform.UserNameInAsync(service, userId), n => n is not null,
                TimeSpan.FromSeconds(30), $"{service} has user {userId}");
            Assert.Equal("정서연", name);
        }
    }
}
