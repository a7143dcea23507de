using Lms.Contracts.Memberships;

namespace Lms.Company.Companies;

/// <summary>A client company (회사) and its members. A user belongs to at most one company.</summary>
public sealed class Company
{
    private Company()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public string OwnerName { get; private set; } = string.Empty;

    public string BusinessNumber { get; private set; } = string.Empty;

    /// <summary>Lower-case domain that employees' confirmed emails must end with to join without an invitation.</summary>
    public string EmailDomain { get; private set; } = string.Empty;

    public string Phone { get; private set; } = string.Empty;

    public string? Address { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public long Version { get; private set; }

    public List<CompanyMember> Members { get; private set; } = [];

    /// <summary>
    /// When a platform admin suspended it; null while in good standing. A suspended company makes no new contract; its
    /// members keep their accounts and contracts already made run on.
    /// </summary>
    public DateTimeOffset? SuspendedAt { get; private set; }

    public bool IsSuspended => SuspendedAt is not null;

    /// <summary>False when it is suspended already.</summary>
    public bool Suspend(DateTimeOffset now)
    {
        if (IsSuspended)
        {
            return false;
        }

        SuspendedAt = now;
        Version++;
        return true;
    }

    /// <summary>False when it is not suspended.</summary>
    public bool Reinstate()
    {
        if (!IsSuspended)
        {
            return false;
        }

        SuspendedAt = null;
        Version++;
        return true;
    }

    /// <summary>
    /// When a supervisor whose confirmed account email is at <see cref="EmailDomain"/> registered or last set it. Only a
    /// proven domain lets people join by their email; companies registered before the proof was required have none
    /// until a supervisor at the domain saves it again.
    /// </summary>
    public DateTimeOffset? DomainProvenAt { get; private set; }

    public static Company Register(CompanyDetails details, Guid founder, DateTimeOffset now)
    {
        var company = new Company { Id = Guid.CreateVersion7(), CreatedAt = now, Version = 1, DomainProvenAt = now };
        company.Apply(details);
        company.Members.Add(new CompanyMember(company.Id, founder, CompanyMemberRoles.Supervisor, now));
        return company;
    }

    /// <summary>Changes the details; the caller has shown that their confirmed email is at the (new) domain.</summary>
    public void Update(CompanyDetails details, DateTimeOffset now)
    {
        Apply(details);
        DomainProvenAt = now;
        Version++;
    }

    /// <summary>Whether <paramref name="email"/> proves <paramref name="domain"/>: the address is at exactly that domain.</summary>
    public static bool Proves(string? email, string domain) =>
        email is not null && email.Split('@') is [_, var at] && string.Equals(at, domain.Trim(), StringComparison.OrdinalIgnoreCase);

    public CompanyMember Join(Guid userId, DateTimeOffset now)
    {
        var member = new CompanyMember(Id, userId, CompanyMemberRoles.Employee, now);
        Members.Add(member);
        return member;
    }

    /// <summary>
    /// Changes a member's role. The version bump makes two supervisors demoting or removing each other at once
    /// collide, so "at least one supervisor" holds under concurrency too.
    /// </summary>
    public bool ChangeRole(Guid userId, string role)
    {
        if (Members.SingleOrDefault(m => m.UserId == userId) is not { } member || member.Role == role)
        {
            return false;
        }

        member.Role = role;
        Version++;
        return true;
    }

    public void RemoveMember(CompanyMember member)
    {
        Members.Remove(member);
        Version++;
    }

    /// <summary>Whether <paramref name="email"/> is at this company's domain (sub-domains do not count).</summary>
    public bool OwnsEmail(string? email) => DomainProvenAt is not null && Proves(email, EmailDomain);

    /// <summary>A company always keeps at least one supervisor: the last one can be neither demoted nor removed.</summary>
    public bool IsLastSupervisor(Guid userId) =>
        Members.Count(m => m.Role == CompanyMemberRoles.Supervisor) == 1 &&
        Members.Any(m => m.UserId == userId && m.Role == CompanyMemberRoles.Supervisor);

    private void Apply(CompanyDetails details)
    {
        Name = details.Name.Trim();
        OwnerName = details.OwnerName.Trim();
        BusinessNumber = details.BusinessNumber;
        EmailDomain = details.EmailDomain.Trim().ToLowerInvariant();
        Phone = details.Phone.Trim();
        Address = details.Address?.Trim();
    }
}

public sealed record CompanyDetails(string Name, string OwnerName, string BusinessNumber, string EmailDomain, string Phone, string? Address);

public sealed class CompanyMember(Guid companyId, Guid userId, string role, DateTimeOffset joinedAt)
{
    public Guid CompanyId { get; private set; } = companyId;

    public Guid UserId { get; private set; } = userId;

    public string Role { get; internal set; } = role;

    public DateTimeOffset JoinedAt { get; private set; } = joinedAt;
}
