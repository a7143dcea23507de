using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CsvHelper;
using Lms.ServiceDefaults.Security;
using Lms.Services.Tests.Institution;
using Lms.Services.Tests.Provision;
using Lms.Services.Tests.Support;

namespace Lms.Services.Tests.Dashboards;

[Collection(PlatformGroup.Name)]
public sealed class Reading_institution_dashboards(Platform platform)
{
    private static Task<JsonElement> JsonAsync(Caller caller, string path) => DashboardScenarios.JsonAsync(caller, path);

    private static async Task<JsonElement> JsonAsync(Caller caller, string path, HttpMethod method)
    {
        var response = await caller.SendAsync(method, path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Duplicated_and_out_of_order_events_give_the_hand_computed_numbers()
    {
        var (parties, provisionId, first, _, _) = await DashboardScenarios.ThreeLearnersAsync(platform, "김학습");

        var summary = await Eventually.GetAsync(() => JsonAsync(parties.Manager, "/institution/v1/dashboard/summary"),
            s => s.GetProperty("enrollments").GetInt32() == 3 && s.GetProperty("completed").GetInt32() == 1 && s.GetProperty("learning").GetInt32() == 1
                 && s.GetProperty("ratings").GetInt32() == 1,
            TimeSpan.FromSeconds(60), "the summary counts three enrollments");
        // Let any straggling duplicate land, then check nothing moved.
        await Task.Delay(TimeSpan.FromSeconds(2));
        summary = await JsonAsync(parties.Manager, "/institution/v1/dashboard/summary");
        Assert.Equal(3, summary.GetProperty("enrollments").GetInt32());
        Assert.Equal(1, summary.GetProperty("learning").GetInt32());
        Assert.Equal(50m, summary.GetProperty("completionRate").GetDecimal());
        Assert.Equal(5m, summary.GetProperty("averageRating").GetDecimal());
        Assert.Equal(1, summary.GetProperty("courses").GetInt32());

        var attendance = await Eventually.GetAsync(() => JsonAsync(parties.Manager, $"/institution/v1/dashboard/attendance?courseId={parties.CourseId}"),
            a => a.GetProperty("items").EnumerateArray().Any(c => c.GetProperty("averageProgressPercent").GetDecimal() == 50m),
            TimeSpan.FromSeconds(60), "every progress event has landed");
        var company = Assert.Single(attendance.GetProperty("items").EnumerateArray());
        Assert.Equal(2, company.GetProperty("learners").GetInt32()); // the cancelled learner no longer counts
        Assert.Equal(50m, company.GetProperty("completionRate").GetDecimal());
        Assert.Equal(50m, company.GetProperty("averageProgressPercent").GetDecimal()); // (80 + 20) / 2

        var month = ProvisionScenarios.Today.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        var popular = await JsonAsync(parties.Manager, $"/institution/v1/dashboard/popular-courses?month={month}");
        var top = Assert.Single(popular.GetProperty("items").EnumerateArray());
        Assert.Equal((3, 1), (top.GetProperty("enrollments").GetInt32(), top.GetProperty("completed").GetInt32()));

        var monthly = await JsonAsync(parties.Manager, $"/institution/v1/dashboard/monthly?year={month[..4]}");
        var thisMonth = monthly.GetProperty("items").EnumerateArray().Single(m => m.GetProperty("month").GetString() == month);
        Assert.Equal((1, 3), (thisMonth.GetProperty("companies").GetInt32(), thisMonth.GetProperty("learners").GetInt32()));
        var quarterly = await JsonAsync(parties.Manager, $"/institution/v1/dashboard/quarterly?year={month[..4]}");
        Assert.Equal(3, quarterly.GetProperty("items").EnumerateArray().Sum(q => q.GetProperty("learners").GetInt32()));

        var ratings = await JsonAsync(parties.Manager, "/institution/v1/dashboard/ratings");
        Assert.Equal(1, ratings.GetProperty("distribution").GetProperty("5").GetInt32());
        Assert.Equal("좋아요, \"최고\"\n또 듣고 싶어요", Assert.Single(ratings.GetProperty("recentComments").EnumerateArray()).GetProperty("comment").GetString());

        var records = await Eventually.GetAsync(() => JsonAsync(parties.Manager, $"/institution/v1/dashboard/training-records?courseProvideId={provisionId}"),
            r => r.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("name").GetString() == "김학습" && i.GetProperty("evaluationScore").ValueKind == JsonValueKind.Number
                && i.GetProperty("evaluationScore").GetDecimal() == 75m),
            TimeSpan.FromSeconds(60), "the learner's name is known");
        var line = records.GetProperty("items").EnumerateArray().Single(r => r.GetProperty("enrollmentId").GetGuid() == first);
        Assert.Equal(80m, line.GetProperty("progressPercent").GetDecimal());
        Assert.Equal(75m, line.GetProperty("evaluationScore").GetDecimal());
        Assert.True(line.GetProperty("completed").GetBoolean());
        Assert.Equal("LMS-DASH-0001", line.GetProperty("certificateSerial").GetString());
        var attended = await Eventually.GetAsync(() => JsonAsync(parties.Manager, $"/institution/v1/dashboard/training-records?courseProvideId={provisionId}"),
            r => r.GetProperty("items").EnumerateArray().Single(l => l.GetProperty("enrollmentId").GetGuid() == first).GetProperty("attendanceRate").ValueKind == JsonValueKind.Number,
            TimeSpan.FromSeconds(60), "the live attendance has landed");
        // One of two sessions attended, whatever order and however often they arrived.
        Assert.Equal(50m, attended.GetProperty("items").EnumerateArray().Single(l => l.GetProperty("enrollmentId").GetGuid() == first).GetProperty("attendanceRate").GetDecimal());
        var others = attended.GetProperty("items").EnumerateArray().Where(l => l.GetProperty("enrollmentId").GetGuid() != first);
        Assert.All(others, l => Assert.Equal(JsonValueKind.Null, l.GetProperty("attendanceRate").ValueKind));
        var byCompany = await JsonAsync(parties.Manager, $"/institution/v1/dashboard/attendance?courseId={parties.CourseId}");
        Assert.Equal(50m, Assert.Single(byCompany.GetProperty("items").EnumerateArray()).GetProperty("attendanceRate").GetDecimal());
    }

    [Fact]
    public async Task The_training_records_csv_reads_back_with_korean_text_commas_quotes_and_newlines()
    {
        const string name = "이, \"영희\"\n둘째 줄";
        var (parties, provisionId, first, _, _) = await DashboardScenarios.ThreeLearnersAsync(platform, name);
        await Eventually.GetAsync(() => JsonAsync(parties.Manager, $"/institution/v1/dashboard/training-records?courseProvideId={provisionId}"),
            r => r.GetProperty("items").GetArrayLength() == 3
                && r.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("name").GetString() == name && i.GetProperty("completed").GetBoolean()
                && i.GetProperty("evaluationScore").ValueKind == JsonValueKind.Number && i.GetProperty("evaluationScore").GetDecimal() == 75m
                && i.GetProperty("progressPercent").GetDecimal() == 80m && i.GetProperty("attendanceRate").ValueKind == JsonValueKind.Number
                && i.GetProperty("attendanceRate").GetDecimal() == 50m),
            TimeSpan.FromSeconds(60), "the report has all three learners and the completed one with both live sessions");

        var response = await parties.Manager.GetAsync($"/institution/v1/dashboard/training-records?courseProvideId={provisionId}&format=csv");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var disposition = response.Content.Headers.ContentDisposition!;
        Assert.Equal("training-records.csv", disposition.FileName?.Trim('"'));
        Assert.StartsWith("훈련기록_", disposition.FileNameStar);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);

        using var reader = CsvReader.Create(new MemoryStream(bytes), new CsvReaderOptions { Separator = ',' });
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add([.. Enumerable.Range(0, reader.FieldCount).Select(i => reader.GetString(i))]);
        }
        Assert.Equal(["회사", "성명", "이메일", "과정명", "훈련 시작일", "훈련 종료일", "진도율(%)", "평가 점수", "실시간 출석률(%)", "수료 여부", "수료일", "수료증 번호"], reader.Headers.ToArray());
        Assert.Equal(3, rows.Count);
        var line = Assert.Single(rows, r => r[1] == name);
        Assert.Equal(("80", "75", "50", "수료", "LMS-DASH-0001"), (line[6], line[7], line[8], line[9], line[11]));
        Assert.Equal(2, rows.Count(r => r[9] == "미수료"));
    }

    [Fact]
    public async Task Every_dashboard_answers_csv_with_korean_headers()
    {
        var (parties, _, _, _, _) = await DashboardScenarios.ThreeLearnersAsync(platform, "박엑셀");
        var year = ProvisionScenarios.Today.Year;
        string[] paths =
        [
            "summary", $"monthly?year={year}", $"quarterly?year={year}", $"popular-courses?month={year}-01", $"attendance?courseId={parties.CourseId}",
            "companies", "course-provides", "ratings",
        ];
        foreach (var path in paths)
        {
            var response = await parties.Manager.GetAsync($"/institution/v1/dashboard/{path}{(path.Contains('?') ? '&' : '?')}format=csv");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var text = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync());
            Assert.StartsWith("\uFEFF", text);
            Assert.Matches("[가-힣]", text.Split("\r\n")[0]);
        }
    }

    [Fact]
    public async Task Bad_input_is_a_400_naming_the_field()
    {
        var (_, manager) = await InstitutionScenarios.RegisterAsync(platform, "입력검사교육원");

        async Task AssertFieldAsync(string path, string field)
        {
            var problem = await (await manager.GetAsync($"/institution/v1/dashboard/{path}")).AssertProblemAsync(HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{path} names {field}");
        }

        await AssertFieldAsync("monthly?year=0", "year");
        await AssertFieldAsync("quarterly?year=abc", "year");
        await AssertFieldAsync("popular-courses?month=2026-13", "month");
        await AssertFieldAsync($"attendance?courseId={Guid.NewGuid()}", "courseId");
        await AssertFieldAsync("attendance", "courseId");
        await AssertFieldAsync("summary?format=xml", "format");
        await AssertFieldAsync("training-records?courseProvideId=nope", "courseProvideId");
    }

    [Fact]
    public async Task Another_institutions_numbers_are_not_found_and_supervisors_are_refused()
    {
        var parties = await ProvisionScenarios.PartiesAsync(platform);
        var provisionId = await ProvisionScenarios.RequestAsync(parties);
        await ProvisionScenarios.InstitutionSeesAsync(platform, provisionId, "REQUESTED");
        var (_, other) = await InstitutionScenarios.RegisterAsync(platform, "남의교육원");

        await (await other.GetAsync($"/institution/v1/dashboard/training-records?courseProvideId={provisionId}")).AssertProblemAsync(HttpStatusCode.NotFound);
        await (await other.GetAsync($"/institution/v1/dashboard/attendance?courseId={parties.CourseId}")).AssertProblemAsync(HttpStatusCode.NotFound);
        var supervisor = Caller.As(platform.Institution.Client, Roles.CompanySupervisor, parties.CompanyId, "company");
        foreach (var path in new[]
                 {
                     "summary", "monthly?year=2026", "quarterly?year=2026", "popular-courses?month=2026-01", $"attendance?courseId={parties.CourseId}",
                     "companies", "course-provides", "ratings", $"training-records?courseProvideId={provisionId}",
                 })
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await supervisor.GetAsync($"/institution/v1/dashboard/{path}")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.Forbidden, (await parties.Manager.PostAsync("/institution/v1/dashboard/rebuild")).StatusCode);
    }

    [Fact]
    public async Task A_rebuild_recomputes_the_same_counters_from_the_rows()
    {
        var (parties, _, _, _, _) = await DashboardScenarios.ThreeLearnersAsync(platform, "최재계산");
        await Eventually.GetAsync(() => JsonAsync(parties.Manager, "/institution/v1/dashboard/summary"),
            s => s.GetProperty("enrollments").GetInt32() == 3 && s.GetProperty("completed").GetInt32() == 1 && s.GetProperty("ratings").GetInt32() == 1,
            TimeSpan.FromSeconds(60), "the summary counts three enrollments");
        await Eventually.GetAsync(() => JsonAsync(parties.Manager, $"/institution/v1/dashboard/attendance?courseId={parties.CourseId}"),
            a => a.GetProperty("items").EnumerateArray().Any(c => c.GetProperty("averageProgressPercent").GetDecimal() == 50m
                && c.GetProperty("attendanceRate").ValueKind == JsonValueKind.Number && c.GetProperty("attendanceRate").GetDecimal() == 50m),
            TimeSpan.FromSeconds(60), "every progress and attendance event has landed");
        await Task.Delay(TimeSpan.FromSeconds(2));
        var month = ProvisionScenarios.Today.ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture);
        // Every read kept by the counters and their rollups: the institution row, month × company, month × course, provision-months, ratings.
        string[] paths =
        [
            "summary", $"monthly?year={month[..4]}", $"quarterly?year={month[..4]}", $"popular-courses?month={month}", "companies",
            $"attendance?courseId={parties.CourseId}", "course-provides", "ratings",
        ];
        var before = new List<string>();
        foreach (var path in paths)
        {
            before.Add((await JsonAsync(parties.Manager, $"/institution/v1/dashboard/{path}")).GetRawText());
        }
        var summary = JsonDocument.Parse(before[0]).RootElement;
        Assert.Equal((3, 1, 1), (summary.GetProperty("enrollments").GetInt32(), summary.GetProperty("learning").GetInt32(), summary.GetProperty("completed").GetInt32()));

        var admin = Caller.As(platform.Institution.Client, Roles.Admin);
        var rebuilt = await JsonAsync(admin, "/institution/v1/dashboard/rebuild", HttpMethod.Post);
        Assert.True(rebuilt.GetProperty("institutions").GetInt32() >= 1 && rebuilt.GetProperty("monthCompanies").GetInt32() >= 1
            && rebuilt.GetProperty("monthCourses").GetInt32() >= 1);

        for (var i = 0; i < paths.Length; i++)
        {
            Assert.Equal(before[i], (await JsonAsync(parties.Manager, $"/institution/v1/dashboard/{paths[i]}")).GetRawText());
        }
    }

    [Fact]
    public async Task Learners_see_a_courses_average_rating_and_count_in_the_catalog()
    {
        var (parties, _, _, _, _) = await DashboardScenarios.ThreeLearnersAsync(platform, "윤평점");
        var learner = Caller.As(platform.Institution.Client, Roles.Employee, parties.CompanyId, "company");

        var course = await Eventually.GetAsync(() => JsonAsync(learner, $"/institution/v1/catalog/{parties.CourseId}"),
            c => c.GetProperty("ratings").GetInt32() == 1, TimeSpan.FromSeconds(60), "the rating reaches the catalog");
        var list = await JsonAsync(learner, "/institution/v1/catalog?q=%EA%B3%84%EC%95%BD&size=100");

        Assert.Equal(5m, course.GetProperty("averageRating").GetDecimal());
        var item = list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == parties.CourseId);
        Assert.Equal((5m, 1), (item.GetProperty("averageRating").GetDecimal(), item.GetProperty("ratings").GetInt32()));
        await (await learner.GetAsync($"/institution/v1/catalog/{Guid.NewGuid()}")).AssertProblemAsync(HttpStatusCode.NotFound);
    }
}
