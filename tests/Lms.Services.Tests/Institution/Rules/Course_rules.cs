using Lms.Institution.Courses;

namespace Lms.Services.Tests.Institution.Rules;

public sealed class Course_rules
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid InstitutionId = Guid.NewGuid();
    private static readonly CourseDetails Details = new("과정", "소개", "SALES", "강사", 30, null);

    [Fact]
    public void A_course_starts_as_a_draft_and_every_change_bumps_its_version()
    {
        var course = Course.Create(InstitutionId, Details, Now);
        var version = course.Version;

        course.Edit(Details with { Title = "새 제목" }, Now);

        Assert.Equal(CourseStates.Draft, course.State);
        Assert.Equal(version + 1, course.Version);
    }

    [Fact]
    public void Publishing_needs_at_least_one_item()
    {
        var course = Course.Create(InstitutionId, Details, Now);
        course.ReplaceStructure([new Chapter(Guid.NewGuid(), "빈 장", [])], Now);

        Assert.Equal("course-empty", course.Publish(Now)?.Type);
        course.ReplaceStructure([new Chapter(Guid.NewGuid(), "1장", [new ContentItem(Guid.NewGuid(), "안내", ItemKinds.Other, null, null, true)])], Now);
        Assert.Null(course.Publish(Now));
        Assert.Equal(CourseStates.Published, course.State);
    }

    [Fact]
    public void An_archived_course_can_no_longer_change()
    {
        var course = Course.Create(InstitutionId, Details, Now);
        course.ReplaceStructure([new Chapter(Guid.NewGuid(), "1장", [new ContentItem(Guid.NewGuid(), "안내", ItemKinds.Other, null, null, true)])], Now);
        course.Publish(Now);

        Assert.Null(course.Archive(Now));
        Assert.NotNull(course.Edit(Details, Now));
        Assert.NotNull(course.ReplaceStructure([], Now));
        Assert.NotNull(course.SetCompletionRule(CompletionRule.Default, Now));
        Assert.NotNull(course.Publish(Now));
    }

    [Fact]
    public void Only_a_published_course_is_archived()
    {
        var course = Course.Create(InstitutionId, Details, Now);

        Assert.Equal("course-state", course.Archive(Now)?.Type);
    }
}
