using System.Text.Json;
using Lms.Company.Learning;
using Lms.Contracts.Enrollments;
using Lms.Institution.Dashboard;
using Lms.Services.Tests.Provision;
using Lms.Services.Tests.Support;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace Lms.Services.Tests.Dashboards;

/// <summary>
/// A roster of a thousand approved at once: the student service announces a thousand activations together, and the
/// institution's and company's projections each create a thousand rows with sequential ids under the same counters.
/// </summary>
[Collection(PlatformGroup.Name)]
public sealed class Activating_a_large_roster(Platform platform)
{
    private const int Learners = 1_000;

    [Fact]
    public async Task A_thousand_activations_at_once_are_all_counted_and_none_ends_in_an_error_queue()
    {
        var parties = await ProvisionScenarios.PartiesAsync(platform);
        var provisionId = await ProvisionScenarios.RequestAsync(parties);
        await ProvisionScenarios.InstitutionSeesAsync(platform, provisionId, "REQUESTED");
        var queues = ErrorQueues();
        var errorsBefore = await Broker.CountMessagesAsync(queues);

        var bus = platform.Student.Services.GetRequiredService<IBus>();
        var now = DateTimeOffset.UtcNow;
        await Parallel.ForEachAsync(Enumerable.Range(0, Learners), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (_, cancellationToken) =>
            await bus.Publish(new EnrollmentActivated(Guid.CreateVersion7(), Guid.CreateVersion7(), provisionId, parties.CourseId, parties.CompanyId,
                parties.InstitutionId, now), cancellationToken));

        await Eventually.GetAsync(() => DashboardScenarios.JsonAsync(parties.Manager, "/institution/v1/dashboard/summary"),
            s => s.GetProperty("enrollments").GetInt32() == Learners, TimeSpan.FromMinutes(3), "the institution counts every activation");
        var company = await Eventually.GetAsync(() => DashboardScenarios.JsonAsync(parties.Supervisor, "/company/v1/dashboard"),
            d => d.GetProperty("provisions").EnumerateArray().Any(p => p.GetProperty("learners").GetInt32() == Learners),
            TimeSpan.FromMinutes(3), "the company counts every activation");
        Assert.Equal(Learners, company.GetProperty("learnerProgress").GetProperty("total").GetInt32());

        var errorsAfter = await Broker.CountMessagesAsync(queues);
        Assert.Equal(errorsBefore, errorsAfter);
    }

    private List<string> ErrorQueues()
    {
        var institution = platform.Institution.Services.GetRequiredService<IEndpointNameFormatter>();
        var company = platform.Company.Services.GetRequiredService<IEndpointNameFormatter>();
        return [institution.Consumer<DashboardEnrollmentActivatedConsumer>() + "_error", company.Consumer<EnrollmentActivatedConsumer>() + "_error"];
    }
}
