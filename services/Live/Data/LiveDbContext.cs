using Lms.Live.Access;
using Lms.Live.Attendance;
using Lms.Live.Classroom;
using Lms.Live.Quizzes;
using Lms.Live.Recordings;
using Lms.Live.Sessions;
using Lms.ServiceDefaults.Data;
using Lms.ServiceDefaults.Users;
using Microsoft.EntityFrameworkCore;

namespace Lms.Live.Data;

/// <summary>The live service's own schema (<c>lms_live</c>).</summary>
public sealed class LiveDbContext(DbContextOptions<LiveDbContext> options) : ServiceDbContext(options), IUserDirectory
{
    public DbSet<UserSummary> Users => Set<UserSummary>();

    public DbSet<KnownProvision> Provisions => Set<KnownProvision>();

    public DbSet<KnownEnrollment> Enrollments => Set<KnownEnrollment>();

    public DbSet<KnownManager> Managers => Set<KnownManager>();

    public DbSet<LiveSession> Sessions => Set<LiveSession>();

    public DbSet<ChatMessage> ChatMessages => Set<ChatMessage>();

    public DbSet<LiveQuiz> Quizzes => Set<LiveQuiz>();

    public DbSet<PresenceInterval> Presence => Set<PresenceInterval>();

    public DbSet<QuizAnswer> QuizAnswers => Set<QuizAnswer>();

    public DbSet<SessionAttendance> Attendance => Set<SessionAttendance>();

    public DbSet<SessionRecording> Recordings => Set<SessionRecording>();

    public DbSet<RevokedSession> RevokedSessions => Set<RevokedSession>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);

        modelBuilder.Entity<KnownProvision>(provision =>
        {
            provision.ToTable("provisions");
            provision.HasKey(p => p.ProvisionId);
            provision.Property(p => p.ProvisionId).ValueGeneratedNever();
            provision.Property(p => p.CourseTitle).HasMaxLength(200);
        });

        modelBuilder.Entity<KnownEnrollment>(enrollment =>
        {
            enrollment.ToTable("enrollments");
            enrollment.HasKey(e => new { e.ProvisionId, e.UserId });
        });

        modelBuilder.Entity<RevokedSession>(revoked =>
        {
            revoked.ToTable("revoked_sessions");
            revoked.HasKey(r => r.SessionId);
            revoked.Property(r => r.SessionId).ValueGeneratedNever();
            revoked.HasIndex(r => r.RevokedAt);
        });

        modelBuilder.Entity<KnownManager>(manager =>
        {
            manager.ToTable("institution_managers");
            manager.HasKey(m => new { m.InstitutionId, m.UserId });
        });

        modelBuilder.Entity<LiveSession>(session =>
        {
            session.ToTable("sessions");
            session.HasKey(s => s.Id);
            session.Property(s => s.Id).ValueGeneratedNever();
            session.Property(s => s.Title).HasMaxLength(LiveSession.TitleMaxLength);
            session.Property(s => s.State).HasMaxLength(12);
            session.Property(s => s.ChannelId).HasMaxLength(200);
            session.Property(s => s.IngestUrl).HasMaxLength(500);
            session.Property(s => s.StreamKey).HasMaxLength(200);
            session.Property(s => s.StreamKeyRef).HasMaxLength(200);
            session.Property(s => s.PlaybackBase).HasMaxLength(500);
            session.Property(s => s.Version).IsConcurrencyToken();
            // The on_publish callback finds the session by the key it is given, and only by the current one.
            session.HasIndex(s => s.StreamKey).IsUnique();
            session.HasIndex(s => s.ChannelId);
            session.HasIndex(s => new { s.ProvisionId, s.ScheduledStart });
        });

        modelBuilder.Entity<ChatMessage>(message =>
        {
            message.ToTable("chat_messages");
            message.HasKey(m => m.Id);
            message.Property(m => m.Id).ValueGeneratedNever();
            message.Property(m => m.Name).HasMaxLength(100);
            message.Property(m => m.Text).HasMaxLength(ChatMessage.MaxLength);
            message.HasIndex(m => new { m.SessionId, m.SentAt });
        });

        modelBuilder.Entity<PresenceInterval>(presence =>
        {
            presence.ToTable("presence_intervals");
            presence.HasKey(p => p.Id);
            presence.Property(p => p.Id).ValueGeneratedNever();
            presence.HasIndex(p => new { p.SessionId, p.UserId, p.LastSeenAt });
        });

        modelBuilder.Entity<LiveQuiz>(quiz =>
        {
            quiz.ToTable("quizzes");
            quiz.HasKey(q => q.Id);
            quiz.Property(q => q.Id).ValueGeneratedNever();
            quiz.Property(q => q.Question).HasMaxLength(500);
            quiz.Property(q => q.Options).HasColumnType("text")
                .HasConversion(JsonColumn.Converter<List<string>>(), JsonColumn.Comparer<List<string>>());
            quiz.Property(q => q.Solution).HasMaxLength(2000);
            quiz.Property(q => q.State).HasMaxLength(10);
            quiz.Property(q => q.Version).IsConcurrencyToken();
            quiz.HasIndex(q => new { q.SessionId, q.State });
            quiz.HasIndex(q => new { q.State, q.EndsAt });
        });

        modelBuilder.Entity<QuizAnswer>(answer =>
        {
            answer.ToTable("quiz_answers");
            // The key is what makes an answer count once per learner, however many race.
            answer.HasKey(a => new { a.QuizId, a.UserId });
            answer.HasIndex(a => new { a.SessionId, a.UserId });
        });

        modelBuilder.Entity<SessionAttendance>(attendance =>
        {
            attendance.ToTable("session_attendance");
            // One row per enrollee and session: a second recording of the same end fails rather than counts twice.
            attendance.HasKey(a => new { a.SessionId, a.UserId });
            attendance.Property(a => a.Rate).HasPrecision(5, 4);
        });

        modelBuilder.Entity<SessionRecording>(recording =>
        {
            recording.ToTable("session_recordings");
            // One recording per session: a repeated on_record_done finds it.
            recording.HasKey(r => r.SessionId);
            recording.Property(r => r.State).HasMaxLength(12);
            recording.Property(r => r.SourcePath).HasMaxLength(SessionRecording.PathMaxLength);
            recording.Property(r => r.ObjectKey).HasMaxLength(300);
            recording.Property(r => r.Failure).HasMaxLength(SessionRecording.FailureMaxLength);
            recording.Property(r => r.Version).IsConcurrencyToken();
            recording.HasIndex(r => r.FileId).IsUnique();
            recording.HasIndex(r => new { r.State, r.LeaseUntil });
        });
    }
}
