using Lms.Content.Uploads;

namespace Lms.Services.Tests.Content;

public sealed class Uploading_rules
{
    private const long MiB = 1024 * 1024;

    [Theory]
    [InlineData(5 * MiB, 5 * MiB, 1)]
    [InlineData(5 * MiB * 10_000, 5 * MiB, 10_000)]
    [InlineData(5 * MiB * 10_000 + 1, 10 * MiB, 5_001)]
    [InlineData(20L * 1024 * MiB, 5 * MiB, 4_096)]
    public void Parts_are_at_least_5_MiB_and_at_most_10000(long size, long partSize, int parts)
    {
        Assert.Equal(partSize, PartPlan.PartSize(size));
        Assert.Equal(parts, PartPlan.PartCount(size, PartPlan.PartSize(size)));
    }

    [Fact]
    public void The_largest_object_S3_takes_still_fits_in_10000_parts()
    {
        var partSize = PartPlan.PartSize(PartPlan.MaxObjectSize);

        Assert.True(PartPlan.PartCount(PartPlan.MaxObjectSize, partSize) <= PartPlan.MaxParts);
        Assert.True(partSize <= 5L * 1024 * MiB);
    }

    [Fact]
    public void A_file_smaller_than_a_part_goes_up_in_one_put()
    {
        Assert.True(PartPlan.IsSinglePut(5 * MiB - 1));
        Assert.False(PartPlan.IsSinglePut(5 * MiB));
    }

    [Theory]
    [InlineData("../../etc/passwd.mp4", "passwd.mp4", "mp4")]
    [InlineData("C:\\Users\\kim\\강의 1주차.MP4", "강의 1주차.MP4", "mp4")]
    [InlineData("보고서\u0000\u0007.pdf", "보고서.pdf", "pdf")]
    [InlineData("noextension", "noextension", null)]
    [InlineData("weird.ext!", "weird.ext!", null)]
    public void Only_a_sanitized_extension_of_the_name_could_reach_a_key(string given, string display, string? extension)
    {
        var name = FileNames.DisplayName(given);

        Assert.Equal(display, name);
        Assert.Equal(extension, FileNames.Extension(name!));
    }

    [Theory]
    [InlineData("../")]
    [InlineData("\u0001\u0002")]
    [InlineData("   ")]
    public void A_name_with_nothing_left_is_refused(string given) => Assert.Null(FileNames.DisplayName(given));

    [Fact]
    public void A_very_long_name_is_cut_to_255_characters_keeping_its_extension()
    {
        var name = FileNames.DisplayName(new string('가', 1000) + ".pdf")!;

        Assert.Equal(255, name.Length);
        Assert.EndsWith("가.pdf", name, StringComparison.Ordinal);
        Assert.Equal("pdf", FileNames.Extension(name));
    }

    [Fact]
    public void Cutting_a_long_name_never_splits_a_character_in_two()
    {
        // "😀" is two UTF-16 units; 251 of them put a pair across the cut at 251 units.
        var name = FileNames.DisplayName(string.Concat(Enumerable.Repeat("😀", 200)) + ".mp4")!;

        Assert.False(char.IsHighSurrogate(name[^5]));
        Assert.EndsWith(".mp4", name, StringComparison.Ordinal);
        Assert.True(name.Length <= 255);
    }

    [Fact]
    public void Completion_needs_every_reported_part_once_in_order_with_its_etag()
    {
        var upload = UploadSession.Open(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "course-content", "a.mp4", "video/mp4", 11 * MiB, "mp4", DateTimeOffset.UtcNow, TimeSpan.FromHours(24));
        upload.Report(1, "\"e1\"");
        upload.Report(2, "\"e2\"");

        Assert.Contains("parts", upload.CheckCompletion([new(1, "\"e1\""), new(2, "\"e2\"")]).Keys);
        Assert.Contains("parts[2]", upload.CheckCompletion([new(1, "e1"), new(2, "e2"), new(3, "e3")]).Keys);
        Assert.Contains("parts[1].partNumber", upload.CheckCompletion([new(1, "e1"), new(1, "e1"), new(3, "e3")]).Keys);
        upload.Report(3, "e3");
        Assert.Contains("parts[1].etag", upload.CheckCompletion([new(1, "e1"), new(2, "wrong"), new(3, "e3")]).Keys);
        Assert.Empty(upload.CheckCompletion([new(1, "e1"), new(2, "e2"), new(3, "\"e3\"")]));
    }

    [Fact]
    public void A_batch_of_reports_is_recorded_whole_or_not_at_all_and_a_later_report_of_a_part_wins()
    {
        var upload = UploadSession.Open(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "course-content", "a.mp4", "video/mp4", 11 * MiB, "mp4", DateTimeOffset.UtcNow, TimeSpan.FromHours(24));

        Assert.False(upload.Report([new(1, "e1"), new(4, "e4")]));
        Assert.Empty(upload.Parts);
        Assert.True(upload.Report([new(3, "e3"), new(1, "old"), new(1, " e1 ")]));
        Assert.Equal([new(1, "e1"), new(3, "e3")], upload.Parts);
        Assert.Equal([2], upload.MissingParts());
    }
}
