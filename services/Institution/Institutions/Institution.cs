namespace Lms.Institution.Institutions;

/// <summary>A training institution (훈련기관). Business and certification numbers are unique.</summary>
public sealed class Institution
{
    private Institution()
    {
    }

    public Guid Id { get; private set; }

    public string Name { get; private set; } = string.Empty;

    public string OwnerName { get; private set; } = string.Empty;

    public string BusinessNumber { get; private set; } = string.Empty;

    public string CertifiedNumber { get; private set; } = string.Empty;

    public string Email { get; private set; } = string.Empty;

    public string Phone { get; private set; } = string.Empty;

    public string? Address { get; private set; }

    public string? Website { get; private set; }

    public string? Description { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>Bumped on every change: the optimistic-concurrency token and the events' version.</summary>
    public long Version { get; private set; }

    public List<InstitutionManager> Managers { get; private set; } = [];

    /// <summary>
    /// When a platform admin suspended it; null while in good standing. A suspended institution's courses are out of the
    /// catalog and it makes no new contract; its managers keep their accounts and contracts already made run on.
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

    public static Institution Register(InstitutionDetails details, Guid founder, DateTimeOffset now)
    {
        var institution = new Institution { Id = Guid.CreateVersion7(), CreatedAt = now, Version = 1 };
        institution.Apply(details);
        institution.Managers.Add(new InstitutionManager(institution.Id, founder, now));
        return institution;
    }

    public void Update(InstitutionDetails details)
    {
        Apply(details);
        Version++;
    }

    public InstitutionManager AddManager(Guid userId, DateTimeOffset now)
    {
        var manager = new InstitutionManager(Id, userId, now);
        Managers.Add(manager);
        Version++;
        return manager;
    }

    /// <summary>
    /// An institution always keeps at least one manager. The version bump makes two managers removing each other
    /// at once collide, so the rule holds under concurrency too.
    /// </summary>
    public bool RemoveManager(Guid userId)
    {
        if (Managers.SingleOrDefault(m => m.UserId == userId) is not { } manager || Managers.Count == 1)
        {
            return false;
        }

        Managers.Remove(manager);
        Version++;
        return true;
    }

    private void Apply(InstitutionDetails details)
    {
        Name = details.Name.Trim();
        OwnerName = details.OwnerName.Trim();
        BusinessNumber = details.BusinessNumber;
        CertifiedNumber = details.CertifiedNumber.Trim();
        Email = details.Email.Trim();
        Phone = details.Phone.Trim();
        Address = details.Address?.Trim();
        Website = details.Website?.Trim();
        Description = details.Description?.Trim();
    }
}

public sealed record InstitutionDetails(
    string Name, string OwnerName, string BusinessNumber, string CertifiedNumber, string Email, string Phone,
    string? Address, string? Website, string? Description);

/// <summary>Staff of an institution. A user manages at most one institution.</summary>
public sealed class InstitutionManager(Guid institutionId, Guid userId, DateTimeOffset addedAt)
{
    public Guid InstitutionId { get; private set; } = institutionId;

    public Guid UserId { get; private set; } = userId;

    public DateTimeOffset AddedAt { get; private set; } = addedAt;
}
