using Lms.Institution.Courses;

namespace Lms.Services.Tests.Institution.Rules;

public sealed class Planning_a_structure
{
    private static readonly Guid InstitutionId = Guid.NewGuid();
    private static readonly Guid VideoFile = Guid.NewGuid();
    private static readonly Dictionary<Guid, ReadyFileInfo> Ready = new() { [VideoFile] = new(VideoFile, InstitutionId, "video/mp4", 300) };

    [Fact]
    public void Keeps_the_given_order_and_ids_and_gives_new_entries_new_ids()
    {
        var item = new ContentItem(Guid.NewGuid(), "영상", ItemKinds.Video, VideoFile, 300, true);
        var current = new List<Chapter> { new(Guid.NewGuid(), "1장", [item]) };

        var (structure, errors) = StructurePlanner.Plan(current, [
            new ChapterPlan(null, "새 장", [new ItemPlan(item.Id, "영상", ItemKinds.Video, VideoFile, true)]),
            new ChapterPlan(current[0].Id, "1장", []),
        ], InstitutionId, Ready);

        Assert.Empty(errors);
        Assert.Equal(["새 장", "1장"], structure!.Select(c => c.Title));
        Assert.Equal(item.Id, structure![0].Items[0].Id);
        Assert.NotEqual(current[0].Id, structure![0].Id);
        Assert.Equal(300, structure![0].Items[0].DurationSeconds);
    }

    [Fact]
    public void Names_an_unknown_id_a_repeated_id_and_a_missing_file()
    {
        var chapterId = Guid.NewGuid();
        var current = new List<Chapter> { new(chapterId, "1장", []) };

        var (structure, errors) = StructurePlanner.Plan(current, [
            new ChapterPlan(chapterId, "1장", [new ItemPlan(Guid.NewGuid(), "남의 것", ItemKinds.Other, null, false)]),
            new ChapterPlan(chapterId, "또 1장", [new ItemPlan(null, "영상", ItemKinds.Video, null, true)]),
        ], InstitutionId, Ready);

        Assert.Null(structure);
        Assert.Contains("chapters[0].items[0].id", errors.Keys);
        Assert.Contains("chapters[1].id", errors.Keys);
        Assert.Contains("chapters[1].items[0].fileId", errors.Keys);
    }

    [Fact]
    public void Refuses_another_institutions_file_and_an_unknown_kind()
    {
        var foreign = Guid.NewGuid();
        var ready = new Dictionary<Guid, ReadyFileInfo>(Ready) { [foreign] = new(foreign, Guid.NewGuid(), "video/mp4", 10) };

        var (_, errors) = StructurePlanner.Plan([], [
            new ChapterPlan(null, "1장", [new ItemPlan(null, "x", ItemKinds.Video, foreign, true), new ItemPlan(null, "y", "PODCAST", null, true)]),
        ], InstitutionId, ready);

        Assert.Contains("chapters[0].items[0].fileId", errors.Keys);
        Assert.Contains("chapters[0].items[1].kind", errors.Keys);
    }

    [Theory]
    [InlineData("video/mp4", ItemKinds.Video)]
    [InlineData("VIDEO/WEBM", ItemKinds.Video)]
    [InlineData("image/png", ItemKinds.Image)]
    [InlineData("application/pdf", ItemKinds.Document)]
    [InlineData("application/x-hwp", ItemKinds.Document)]
    [InlineData("audio/mpeg", ItemKinds.Other)]
    public void A_file_is_shown_by_the_item_kind_of_its_type(string contentType, string kind)
    {
        Assert.Equal(kind, ItemKinds.OfFile(contentType));
    }

    [Fact]
    public void An_item_whose_kind_does_not_match_its_file_is_named()
    {
        var (pdf, image, audio) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        var ready = new Dictionary<Guid, ReadyFileInfo>(Ready)
        {
            [pdf] = new(pdf, InstitutionId, "application/pdf", null),
            [image] = new(image, InstitutionId, "image/png", null),
            [audio] = new(audio, InstitutionId, "audio/mpeg", 30),
        };

        var (structure, errors) = StructurePlanner.Plan([], [
            new ChapterPlan(null, "1장", [
                new ItemPlan(null, "영상을 문서로", ItemKinds.Document, VideoFile, true),
                new ItemPlan(null, "문서를 그림으로", ItemKinds.Image, pdf, true),
                new ItemPlan(null, "영상을 기타로", ItemKinds.Other, VideoFile, true),
                new ItemPlan(null, "그림을 문서로", ItemKinds.Document, image, true),
                new ItemPlan(null, "문서", ItemKinds.Document, pdf, true),
                new ItemPlan(null, "그림", ItemKinds.Image, image, false),
                new ItemPlan(null, "녹음", ItemKinds.Other, audio, false),
                new ItemPlan(null, "영상", ItemKinds.Video, VideoFile, true),
            ]),
        ], InstitutionId, ready);

        Assert.Null(structure);
        Assert.Equal(["chapters[0].items[0].fileId", "chapters[0].items[1].fileId", "chapters[0].items[2].fileId", "chapters[0].items[3].fileId"],
            errors.Keys.Order(StringComparer.Ordinal));
        Assert.Contains("video/mp4", errors["chapters[0].items[0].fileId"][0], StringComparison.Ordinal);
    }
}
