using System.Security.Claims;
using Lms.ServiceDefaults.Security;
using Lms.Student.Teachback.Ranking;

namespace Lms.Services.Tests.Teachback.Rules;

/// <summary>Who reads a ranking, from their token, and whose names they see.</summary>
public sealed class Ranking_viewer_rules
{
    private static ClaimsPrincipal Token(Guid userId, string role, Guid? organisationId = null, string? organisationType = null)
    {
        List<Claim> claims = [new(LmsClaims.Subject, userId.ToString()), new(LmsClaims.Role, role)];
        if (organisationId is { } id)
        {
            claims.Add(new Claim(LmsClaims.OrganisationId, id.ToString()));
            claims.Add(new Claim(LmsClaims.OrganisationType, organisationType!));
        }
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }

    [Fact]
    public void A_company_member_reads_as_a_member_of_that_company()
    {
        var (user, company) = (Guid.CreateVersion7(), Guid.CreateVersion7());

        Assert.Equal(new RankingViewer(user, company), RankingViewer.Of(Token(user, Roles.Employee, company, "company")));
        Assert.Equal(new RankingViewer(user, company), RankingViewer.Of(Token(user, Roles.CompanySupervisor, company, "company")));
    }

    [Fact]
    public void A_visitor_or_an_institutions_manager_belongs_to_no_company()
    {
        var user = Guid.CreateVersion7();

        Assert.Null(RankingViewer.Of(Token(user, Roles.Visitor)).CompanyId);
        Assert.Null(RankingViewer.Of(Token(user, Roles.InstitutionManager, Guid.CreateVersion7(), "institution")).CompanyId);
    }

    [Fact]
    public void A_learner_sees_themselves_and_colleagues_by_name_and_nobody_else()
    {
        var (me, colleague, stranger) = (Guid.CreateVersion7(), Guid.CreateVersion7(), Guid.CreateVersion7());
        var viewer = new RankingViewer(me, Guid.CreateVersion7());
        var colleagues = new HashSet<Guid> { colleague };

        Assert.True(viewer.SeesNameOf(me, colleagues));
        Assert.True(viewer.SeesNameOf(colleague, colleagues));
        Assert.False(viewer.SeesNameOf(stranger, colleagues));
    }

    [Fact]
    public void A_pseudonym_is_six_characters_that_cannot_be_misread()
    {
        var codes = Enumerable.Range(0, 200).Select(_ => TeachbackPseudonym.NewCode()).ToList();

        Assert.All(codes, code => Assert.Matches("^[A-HJ-NP-Z2-9]{6}$", code));
        Assert.True(codes.Distinct().Count() > 190);
        Assert.Equal("학습자 #K7Q2XM", TeachbackPseudonym.Label("K7Q2XM"));
    }
}
