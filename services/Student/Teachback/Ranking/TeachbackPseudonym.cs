using System.Security.Cryptography;

namespace Lms.Student.Teachback.Ranking;

/// <summary>
/// The name a learner goes by in rankings read by people outside their company: a random code drawn once, at their first
/// scoring, and kept. It is stable (the same learner is recognisable from day to day and course to course) but derived
/// from nothing, so it cannot be traced back to the person.
/// </summary>
public sealed class TeachbackPseudonym
{
    public const int CodeLength = 6;

    // No 0/O or 1/I: a code read aloud or copied by hand stays the same code.
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public Guid UserId { get; set; }

    public string Code { get; set; } = string.Empty;

    public static string NewCode() => RandomNumberGenerator.GetString(Alphabet, CodeLength);

    /// <summary>How the code is shown: 학습자 #K7Q2XM.</summary>
    public static string Label(string code) => $"학습자 #{code}";
}
