using Lms.Identity.Accounts;

namespace Lms.Services.Tests.Identity.Rules;

public sealed class Organisation_roles
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Company = Guid.NewGuid();
    private static readonly OrganisationRole Employee = new("Employee", Company, OrganisationRole.Company);

    [Fact]
    public void Without_an_organisation_the_user_is_a_visitor()
    {
        Assert.Equal(["Visitor"], new User().TokenRoles([]));
        Assert.Equal(["Admin", "Visitor"], new User().TokenRoles(["Admin"]));
    }

    [Fact]
    public void A_membership_replaces_visitor_with_the_organisation_role()
    {
        var user = new User();

        user.ApplyMembership(Company, Employee, Now);

        Assert.Equal(["Employee"], user.TokenRoles([]));
        Assert.Equal(Company, user.Organisation?.OrganisationId);
    }

    [Fact]
    public void An_event_older_than_the_last_one_applied_changes_nothing()
    {
        var user = new User();
        user.ApplyMembership(Company, Employee, Now);

        var applied = user.ApplyMembership(Company, null, Now.AddMinutes(-1));

        Assert.False(applied);
        Assert.Equal(Employee, user.Organisation);
    }

    [Fact]
    public void Another_organisation_cannot_take_over_a_member()
    {
        var user = new User();
        user.ApplyMembership(Company, Employee, Now);
        var institution = Guid.NewGuid();

        var applied = user.ApplyMembership(institution, new OrganisationRole("InstitutionManager", institution, OrganisationRole.Institution), Now.AddMinutes(1));

        Assert.False(applied);
        Assert.Equal(Employee, user.Organisation);
    }

    [Fact]
    public void Leaving_another_organisation_changes_nothing()
    {
        var user = new User();
        user.ApplyMembership(Company, Employee, Now);

        var applied = user.ApplyMembership(Guid.NewGuid(), null, Now.AddMinutes(1));

        Assert.False(applied);
        Assert.Equal(Employee, user.Organisation);
    }
}
