using Lms.Board.Access;
using Lms.Content.Access;

namespace Lms.Services.Tests.Projections;

/// <summary>
/// Which learners the content service serves a course's files to (<see cref="CourseAccess"/>) and the board service opens
/// the class board to (<see cref="BoardAccess"/>): an enrollment the student service's events left open (activated, or
/// completed and not closed by leaving), until the provision's end date. One rule in each service, run here in memory;
/// the same expressions run in the database.
/// </summary>
public sealed class Course_access_rules
{
    private static readonly DateOnly Today = new(2026, 12, 7);

    public static TheoryData<string> Services => ["content", "board"];

    private static bool Opens(string service, bool active, DateOnly? endDate) => service == "content"
        ? CourseAccess.Opens(Today).Compile()(new KnownEnrollment { Active = active, EndDate = endDate })
        : BoardAccess.Opens(Today).Compile()(new BoardEnrollment { Active = active, EndDate = endDate });

    [Theory]
    [MemberData(nameof(Services))]
    public void An_open_enrollment_reads_through_the_last_day_and_not_after(string service)
    {
        Assert.True(Opens(service, true, Today.AddDays(3)));
        Assert.True(Opens(service, true, Today));
        Assert.False(Opens(service, true, Today.AddDays(-1)));
    }

    [Theory]
    [MemberData(nameof(Services))]
    public void A_closed_enrollment_reads_nothing_and_one_without_a_known_end_reads_while_open(string service)
    {
        Assert.False(Opens(service, false, Today.AddDays(3)));
        Assert.False(Opens(service, false, null));
        Assert.True(Opens(service, true, null));
    }
}
