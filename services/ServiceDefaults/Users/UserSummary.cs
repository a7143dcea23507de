namespace Lms.ServiceDefaults.Users;

/// <summary>
/// What a service knows of a person, kept from identity's events so names and emails can be shown without
/// asking identity (a service never reads another service's tables).
/// </summary>
public sealed class UserSummary
{
    public Guid Id { get; set; }

    public string Email { get; set; } = string.Empty;

    public string Username { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public DateTimeOffset RegisteredAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
