using System.Diagnostics;
using System.Globalization;
using System.Text;
using Lms.Institution.Categories;
using Lms.Institution.Courses;
using Lms.Institution.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MySqlConnector;
using InstitutionDetails = Lms.Institution.Institutions.InstitutionDetails;
using InstitutionEntity = Lms.Institution.Institutions.Institution;

namespace Lms.CatalogBench;

/// <summary>
/// The bench's catalog: institutions and published courses with Korean titles drawn from word lists, saved through the
/// institution service's own <see cref="InstitutionDbContext"/> (so the search index is written by the same code as in
/// production), and ratings for a third of them. Everything it makes is marked by its certification numbers
/// (<see cref="Marker"/>) and removed by <see cref="RemoveAsync"/>, leftovers of an interrupted run included.
/// </summary>
internal static class CatalogSeed
{
    public const string Marker = "CATBENCH-";

    // Eight institutions: four with 교육 in their name, so a search for it matches most of the catalog by name alone.
    private static readonly string[] Institutions =
        ["한국직무교육원", "대한산업안전협회", "서울디지털아카데미", "미래경영교육센터", "글로벌리더십연구소", "한빛IT교육원", "스마트물류아카데미", "행복한평생교육"];

    private static readonly string[] Topics =
    [
        "산업안전", "보건관리", "데이터 분석", "엑셀", "파이썬", "리더십", "커뮤니케이션", "마케팅", "회계", "재무제표", "인사관리", "노무관리",
        "품질관리", "물류관리", "고객서비스", "직장 내 괴롭힘 예방", "성희롱 예방", "개인정보보호", "정보보안", "클라우드", "인공지능", "프로젝트관리",
        "협상 기술", "프레젠테이션", "보고서 작성", "비즈니스 영어", "비즈니스 중국어", "세무", "전자상거래", "영업 전략", "소방안전", "응급처치",
        "ESG 경영", "SQL", "Java 프로그래밍", "React", "AWS", "디지털 마케팅", "유튜브 콘텐츠", "생산관리",
    ];

    private static readonly string[] Levels = ["기초", "입문", "실무", "심화", "완성", "핵심", "활용", "마스터"];

    private static readonly string[] Kinds = ["과정", "교육", "클래스", "특강", "워크숍"];

    // One course in 2,000 gets one of these: the "rare term" of the searches.
    public static readonly string[] Rare = ["양자컴퓨팅", "블록체인 스마트계약", "반도체 공정"];

    public static string Title(Random random)
    {
        var title = new StringBuilder()
            .Append(Topics[random.Next(Topics.Length)]).Append(' ')
            .Append(Levels[random.Next(Levels.Length)]).Append(' ')
            .Append(Kinds[random.Next(Kinds.Length)]);
        if (random.Next(3) == 0)
        {
            title.Append(CultureInfo.InvariantCulture, $" {random.Next(1, 6)}차");
        }
        if (random.Next(2_000) == 0)
        {
            title.Insert(0, Rare[random.Next(Rare.Length)] + " ");
        }
        return title.ToString();
    }

    /// <summary>Seeds <paramref name="count"/> published courses; returns the institutions' ids.</summary>
    public static async Task<IReadOnlyList<Guid>> SeedAsync(IServiceProvider services, string connectionString, int count, Action<string> progress)
    {
        var random = new Random(18);
        var now = DateTimeOffset.UtcNow;
        var categories = CourseCategories.All.Select(c => c.Code).ToArray();
        var institutions = new List<InstitutionEntity>();
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<InstitutionDbContext>();
            foreach (var name in Institutions)
            {
                var numbers = Random.Shared.NextInt64(1_000_000_000, 9_999_999_999).ToString(CultureInfo.InvariantCulture);
                institutions.Add(InstitutionEntity.Register(new InstitutionDetails(name, "김벤치", numbers, $"{Marker}{numbers}", "bench@example.com",
                    "02-000-0000", null, null, null), Guid.CreateVersion7(), now));
            }
            db.Institutions.AddRange(institutions);
            await db.SaveChangesAsync();
        }

        var clock = Stopwatch.StartNew();
        const int perSave = 1_000;
        var ratings = new List<(Guid Course, Guid Institution, int Ratings, int Stars)>();
        for (var done = 0; done < count; done += perSave)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<InstitutionDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = done; i < Math.Min(count, done + perSave); i++)
            {
                var institution = institutions[random.Next(institutions.Count)];
                // Changes spread over two years, so "newest first" is an order, not a tie.
                var at = now.AddMinutes(-random.Next(0, 60 * 24 * 730));
                var course = Course.Create(institution.Id, new CourseDetails(Title(random), "벤치마크 과정 소개", categories[random.Next(categories.Length)],
                    "이강사", 30, null), at);
                course.ReplaceStructure([new Chapter(Guid.NewGuid(), "1장", [new ContentItem(Guid.NewGuid(), "안내", ItemKinds.Other, null, null, true)])], at);
                course.Publish(at);
                db.Courses.Add(course);
                if (random.Next(3) == 0)
                {
                    var n = random.Next(1, 40);
                    ratings.Add((course.Id, institution.Id, n, n * random.Next(2, 6)));
                }
            }
            db.ChangeTracker.DetectChanges();
            await db.SaveChangesAsync();
            if ((done / perSave) % 10 == 9 || done + perSave >= count)
            {
                progress(string.Create(CultureInfo.InvariantCulture, $"  seeded {Math.Min(count, done + perSave):N0} / {count:N0} courses ({clock.Elapsed.TotalSeconds:0} s)"));
            }
        }

        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        foreach (var chunk in ratings.Chunk(2_000))
        {
            await using var command = connection.CreateCommand();
            var sql = new StringBuilder("INSERT INTO dashboard_course_ratings (course_id, institution_id, ratings, stars_sum, stars1, stars2, stars3, stars4, stars5) VALUES ");
            for (var i = 0; i < chunk.Length; i++)
            {
                sql.Append(i == 0 ? string.Empty : ",").Append(CultureInfo.InvariantCulture,
                    $"('{chunk[i].Course:D}','{chunk[i].Institution:D}',{chunk[i].Ratings},{chunk[i].Stars},0,0,0,0,0)");
            }
            command.CommandText = sql.ToString();
            await command.ExecuteNonQueryAsync();
        }
        progress(string.Create(CultureInfo.InvariantCulture, $"  rated {ratings.Count:N0} courses"));
        return [.. institutions.Select(i => i.Id)];
    }

    /// <summary>Removes every institution marked as the bench's, with its courses, their index rows and ratings.</summary>
    public static async Task RemoveAsync(string connectionString)
    {
        await using var connection = new MySqlConnection(connectionString);
        await connection.OpenAsync();
        string[] statements =
        [
            "DELETE g FROM catalog_grams g JOIN courses c ON c.id = g.course_id JOIN institutions i ON i.id = c.institution_id WHERE i.certified_number LIKE @marker",
            // The published counts the service keeps per category lose the bench's courses too (they are deleted here, not archived).
            "UPDATE catalog_totals t JOIN (SELECT c.category_code, COUNT(*) AS n FROM courses c JOIN institutions i ON i.id = c.institution_id " +
            "WHERE i.certified_number LIKE @marker AND c.state = 'PUBLISHED' GROUP BY c.category_code) x ON x.category_code = t.category_code " +
            "SET t.published = t.published - x.n",
            "DELETE r FROM dashboard_course_ratings r JOIN institutions i ON i.id = r.institution_id WHERE i.certified_number LIKE @marker",
            "DELETE c FROM courses c JOIN institutions i ON i.id = c.institution_id WHERE i.certified_number LIKE @marker",
            "DELETE m FROM institution_managers m JOIN institutions i ON i.id = m.institution_id WHERE i.certified_number LIKE @marker",
            "DELETE FROM institutions WHERE certified_number LIKE @marker",
        ];
        // One transaction: a run stopped half-way through would otherwise leave the counts subtracted and the courses
        // there, and the next run's clean-up would subtract them again (seen: an untexted total 100,000 short).
        await using var transaction = await connection.BeginTransactionAsync();
        foreach (var statement in statements)
        {
            await using var command = new MySqlCommand(statement, connection, transaction) { CommandTimeout = 600 };
            command.Parameters.AddWithValue("@marker", Marker + "%");
            await command.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
    }
}
