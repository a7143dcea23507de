namespace Lms.Institution.Categories;

public sealed record Category(string Code, string Title);

/// <summary>
/// The 25 fixed course categories: the 24 major groups of the Korean National Competency Standards (NCS)
/// that employer-sponsored training is classified by, and one for basic workplace skills.
/// </summary>
public static class CourseCategories
{
    public static IReadOnlyList<Category> All { get; } =
    [
        new("BUSINESS_MANAGEMENT", "사업관리"),
        new("MANAGEMENT_ACCOUNTING_OFFICE", "경영·회계·사무"),
        new("FINANCE_INSURANCE", "금융·보험"),
        new("EDUCATION_SCIENCE", "교육·자연·사회과학"),
        new("LAW_PUBLIC_SAFETY", "법률·경찰·소방·교도·국방"),
        new("HEALTH_MEDICAL", "보건·의료"),
        new("SOCIAL_WELFARE_RELIGION", "사회복지·종교"),
        new("CULTURE_ARTS_DESIGN_BROADCAST", "문화·예술·디자인·방송"),
        new("DRIVING_TRANSPORT", "운전·운송"),
        new("SALES", "영업판매"),
        new("SECURITY_CLEANING", "경비·청소"),
        new("BEAUTY_LODGING_TRAVEL_SPORTS", "이용·숙박·여행·오락·스포츠"),
        new("FOOD_SERVICE", "음식서비스"),
        new("CONSTRUCTION", "건설"),
        new("MACHINERY", "기계"),
        new("MATERIALS", "재료"),
        new("CHEMISTRY_BIO", "화학·바이오"),
        new("TEXTILES_CLOTHING", "섬유·의복"),
        new("ELECTRICAL_ELECTRONICS", "전기·전자"),
        new("INFORMATION_COMMUNICATION", "정보통신"),
        new("FOOD_PROCESSING", "식품가공"),
        new("PRINTING_WOOD_CRAFT", "인쇄·목재·가구·공예"),
        new("ENVIRONMENT_ENERGY_SAFETY", "환경·에너지·안전"),
        new("AGRICULTURE_FORESTRY_FISHERY", "농림어업"),
        new("WORKPLACE_BASICS", "직업기초능력"),
    ];

    private static readonly Dictionary<string, Category> ByCode = All.ToDictionary(c => c.Code, StringComparer.Ordinal);

    public static Category? Find(string? code) => code is not null && ByCode.TryGetValue(code, out var category) ? category : null;
}

public static class CategoryEndpoints
{
    public static RouteGroupBuilder MapCategoryEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/categories", () => TypedResults.Ok(CourseCategories.All))
            .AllowAnonymous()
            .WithSummary("The 25 course categories (code and Korean title)")
            .WithTags("Catalog");
        return api;
    }
}
