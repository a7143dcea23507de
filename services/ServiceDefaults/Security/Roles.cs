namespace Lms.ServiceDefaults.Security;

/// <summary>The roles of DOMAIN.md. Each is also the name of the authorization policy that requires it.</summary>
public static class Roles
{
    public const string Visitor = nameof(Visitor);
    public const string InstitutionManager = nameof(InstitutionManager);
    public const string CompanySupervisor = nameof(CompanySupervisor);
    public const string Employee = nameof(Employee);
    public const string Admin = nameof(Admin);

    public static IReadOnlyList<string> All { get; } = [Visitor, InstitutionManager, CompanySupervisor, Employee, Admin];
}
