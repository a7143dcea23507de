using Lms.Live.Access;
using Lms.Live.Classroom;
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
    }
}
