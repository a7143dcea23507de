using Lms.Company.Provisions;

namespace Lms.Services.Tests.Administration.Rules;

public sealed class Organisation_suspension_rules
{
    private static readonly DateTimeOffset Now = new(2026, 12, 14, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void No_new_contract_while_either_side_is_suspended_the_company_named_first()
    {
        Assert.Null(NewContracts.Refusal(companySuspended: false, institutionSuspended: false));
        Assert.Same(NewContracts.CompanySuspended, NewContracts.Refusal(companySuspended: true, institutionSuspended: false));
        Assert.Same(NewContracts.InstitutionSuspended, NewContracts.Refusal(companySuspended: false, institutionSuspended: true));
        Assert.Same(NewContracts.CompanySuspended, NewContracts.Refusal(companySuspended: true, institutionSuspended: true));
    }

    [Fact]
    public void An_institution_is_suspended_once_and_reinstated_once_each_a_new_version()
    {
        var institution = Lms.Institution.Institutions.Institution.Register(
            new("교육원", "대표", "1234567890", "CERT-1", "a@b.kr", "02-1", null, null, null), Guid.CreateVersion7(), Now);
        var version = institution.Version;

        Assert.True(institution.Suspend(Now));
        Assert.False(institution.Suspend(Now.AddDays(1)));
        Assert.Equal(Now, institution.SuspendedAt);
        Assert.Equal(version + 1, institution.Version);
        Assert.True(institution.Reinstate());
        Assert.False(institution.Reinstate());
        Assert.Null(institution.SuspendedAt);
        Assert.Equal(version + 2, institution.Version);
    }

    [Fact]
    public void A_company_is_suspended_once_and_reinstated_once()
    {
        var company = Lms.Company.Companies.Company.Register(
            new("상사", "대표", "1234567890", "corp.example", "02-1", null), Guid.CreateVersion7(), Now);

        Assert.True(company.Suspend(Now));
        Assert.False(company.Suspend(Now));
        Assert.True(company.IsSuspended);
        Assert.True(company.Reinstate());
        Assert.False(company.Reinstate());
        Assert.False(company.IsSuspended);
    }
}
