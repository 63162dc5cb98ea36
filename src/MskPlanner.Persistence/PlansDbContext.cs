using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace MskPlanner.Persistence;

/// <summary>
/// The plans database, also holding the key ring that protects cookies and antiforgery tokens, so every
/// instance on one database accepts what another issued.
/// </summary>
public sealed class PlansDbContext(DbContextOptions<PlansDbContext> options) : DbContext(options), IDataProtectionKeyContext
{
    public DbSet<PlanEntity> Plans => Set<PlanEntity>();
    public DbSet<RevisionEntity> Revisions => Set<RevisionEntity>();
    public DbSet<ShareLinkEntity> ShareLinks => Set<ShareLinkEntity>();
    public DbSet<PriceSetEntity> PriceSets => Set<PriceSetEntity>();
    public DbSet<LeaseEntity> Leases => Set<LeaseEntity>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<ApiTokenEntity> ApiTokens => Set<ApiTokenEntity>();
    public DbSet<WorkspaceEntity> Workspaces => Set<WorkspaceEntity>();
    public DbSet<MemberEntity> Members => Set<MemberEntity>();
    public DbSet<UserEntity> Users => Set<UserEntity>();
    public DbSet<WorkspaceEventEntity> WorkspaceEvents => Set<WorkspaceEventEntity>();
    public DbSet<EndedSessionEntity> EndedSessions => Set<EndedSessionEntity>();

    /// <summary>
    /// SQLite cannot order by DateTimeOffset or decimal; stored as integers and reals they sort. PostgreSQL could
    /// store them natively, but one set of conversions keeps both databases' values and orderings the same.
    /// </summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<DateTimeOffsetToUnixMilliseconds>();
        configurationBuilder.Properties<decimal>().HaveConversion<double>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<PlanEntity>(plan =>
        {
            plan.ToTable("Plans");
            // Sorted by name as people read it, ignoring case: SQLite's NOCASE; ICU's root collation on PostgreSQL.
            plan.Property(p => p.Name).HasMaxLength(PlanEntity.NameMaxLength).IsRequired().UseCollation(Database.IsNpgsql() ? "und-x-icu" : "NOCASE");
            plan.Property(p => p.Description).HasMaxLength(PlanEntity.DescriptionMaxLength);
            // The list shows plans not deleted, sorted by one of these then by id. Partial indexes over the plans
            // not deleted serve both the filter and the order; PostgreSQL cannot use (DeletedAt, UpdatedAt) for the
            // order, as IS NULL does not fix the first column for its planner, and read all rows to sort them.
            // The filter's SQL is the same on both providers.
            const string NotDeleted = "\"DeletedAt\" IS NULL";
            plan.HasIndex(p => new { p.UpdatedAt, p.Id }).HasFilter(NotDeleted).HasDatabaseName("IX_Plans_Listed_UpdatedAt");
            plan.HasIndex(p => new { p.Name, p.Id }).HasFilter(NotDeleted).HasDatabaseName("IX_Plans_Listed_Name");
            plan.HasIndex(p => new { p.LatestMonthlyCost, p.Id }).HasFilter(NotDeleted).HasDatabaseName("IX_Plans_Listed_Cost");
            // Deleted plans are gone for every query but delete and restore (IgnoreQueryFilters there). Revisions and
            // share links are always reached through their plan, so they need no filter of their own.
            plan.HasQueryFilter(p => p.DeletedAt == null);
            plan.HasMany(p => p.Revisions).WithOne().HasForeignKey(r => r.PlanId).OnDelete(DeleteBehavior.Cascade);
            // A workspace with plans cannot go by accident: its plans would go with it.
            plan.HasOne<WorkspaceEntity>().WithMany().HasForeignKey(p => p.WorkspaceId).OnDelete(DeleteBehavior.Restrict);
            // A member's list is their workspaces' plans: this serves its count and the page of one workspace without
            // reading the table, and is the foreign key's index too. Listing every workspace (local mode) keeps the
            // indexes above, which the store then queries without a workspace filter.
            plan.HasIndex(p => new { p.WorkspaceId, p.UpdatedAt, p.Id }).HasFilter(NotDeleted).HasDatabaseName("IX_Plans_Listed_Workspace");
            plan.Property(p => p.DeletedBy).HasMaxLength(Caller.AuditMaxLength);
        });

        modelBuilder.Entity<WorkspaceEntity>(workspace =>
        {
            workspace.ToTable("Workspaces");
            workspace.Property(w => w.Name).HasMaxLength(WorkspaceEntity.NameMaxLength).IsRequired();
            workspace.Property(w => w.Kind).HasConversion<string>().HasMaxLength(16);
            workspace.Property(w => w.OwnerSubject).HasMaxLength(ApiTokenEntity.OwnerMaxLength);
            workspace.Property(w => w.GroupName).HasMaxLength(WorkspaceEntity.GroupMaxLength);
            workspace.Property(w => w.GroupRole).HasConversion<string>().HasMaxLength(16);
            workspace.Property(w => w.CreatedBy).HasMaxLength(Caller.AuditMaxLength);
            // One personal workspace per user, even when two of their tabs make it at once.
            workspace.HasIndex(w => w.OwnerSubject).IsUnique().HasFilter("\"OwnerSubject\" IS NOT NULL");
            workspace.HasIndex(w => w.GroupName);
        });

        modelBuilder.Entity<MemberEntity>(member =>
        {
            member.ToTable("Members");
            member.Property(m => m.Email).HasMaxLength(MemberEntity.EmailMaxLength).IsRequired();
            member.Property(m => m.Role).HasConversion<string>().HasMaxLength(16);
            member.Property(m => m.AddedBy).HasMaxLength(Caller.AuditMaxLength);
            member.HasIndex(m => new { m.WorkspaceId, m.Email }).IsUnique();
            member.HasIndex(m => m.Email);
            member.HasOne<WorkspaceEntity>().WithMany().HasForeignKey(m => m.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<UserEntity>(user =>
        {
            user.ToTable("Users");
            user.HasKey(u => u.Subject);
            user.Property(u => u.Subject).HasMaxLength(ApiTokenEntity.OwnerMaxLength);
            user.Property(u => u.Name).HasMaxLength(ApiTokenEntity.OwnerMaxLength);
            user.Property(u => u.Email).HasMaxLength(MemberEntity.EmailMaxLength);
            user.Property(u => u.GroupsJson).HasMaxLength(UserEntity.GroupsMaxLength);
            user.HasIndex(u => u.Email);
        });

        modelBuilder.Entity<RevisionEntity>(revision =>
        {
            revision.ToTable("Revisions");
            revision.HasIndex(r => new { r.PlanId, r.Number }).IsUnique();
            revision.Property(r => r.Comment).HasMaxLength(RevisionEntity.CommentMaxLength);
            revision.Property(r => r.SelectedFamily).HasConversion<string>().HasMaxLength(16);
            revision.Property(r => r.SavedBy).HasMaxLength(Caller.AuditMaxLength);
            revision.Property(r => r.MeasuredSource).HasMaxLength(Measurement.SourceMaxLength);
        });

        modelBuilder.Entity<PriceSetEntity>(set =>
        {
            set.ToTable("PriceSets");
            set.HasIndex(p => p.Region).IsUnique();
            set.Property(p => p.Region).HasMaxLength(32);
            set.Property(p => p.Source).HasMaxLength(64);
        });

        modelBuilder.Entity<LeaseEntity>(lease =>
        {
            lease.ToTable("Leases");
            lease.HasKey(l => l.Name);
            lease.Property(l => l.Name).HasMaxLength(LeaseEntity.NameMaxLength);
            lease.Property(l => l.Holder).HasMaxLength(LeaseEntity.HolderMaxLength);
        });

        modelBuilder.Entity<ShareLinkEntity>(link =>
        {
            link.ToTable("ShareLinks");
            link.HasIndex(l => l.TokenHash).IsUnique();
            link.HasIndex(l => l.PlanId);
            link.Property(l => l.CreatedBy).HasMaxLength(Caller.AuditMaxLength);
            link.Property(l => l.RevokedBy).HasMaxLength(Caller.AuditMaxLength);
            link.HasOne<PlanEntity>().WithMany().HasForeignKey(l => l.PlanId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<WorkspaceEventEntity>(change =>
        {
            change.ToTable("WorkspaceEvents");
            change.Property(e => e.By).HasMaxLength(Caller.AuditMaxLength);
            change.Property(e => e.Text).HasMaxLength(WorkspaceEventEntity.TextMaxLength).IsRequired();
            change.HasIndex(e => new { e.WorkspaceId, e.Id });
            change.HasOne<WorkspaceEntity>().WithMany().HasForeignKey(e => e.WorkspaceId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<EndedSessionEntity>(session =>
        {
            session.ToTable("EndedSessions");
            session.HasKey(e => e.SessionId);
            session.Property(e => e.SessionId).HasMaxLength(EndedSessionEntity.IdMaxLength);
            session.HasIndex(e => e.ExpiresAt);
        });

        modelBuilder.Entity<ApiTokenEntity>(token =>
        {
            token.ToTable("ApiTokens");
            token.HasIndex(t => t.TokenHash).IsUnique();
            token.HasIndex(t => t.OwnerSubject);
            token.Property(t => t.OwnerSubject).HasMaxLength(ApiTokenEntity.OwnerMaxLength);
            token.Property(t => t.OwnerName).HasMaxLength(ApiTokenEntity.OwnerMaxLength);
            token.Property(t => t.Name).HasMaxLength(ApiTokenEntity.NameMaxLength);
            token.Property(t => t.Hint).HasMaxLength(8);
        });
    }
}

/// <summary>Instants as Unix milliseconds: sortable, compact, and exact to what the UI shows.</summary>
internal sealed class DateTimeOffsetToUnixMilliseconds() : ValueConverter<DateTimeOffset, long>(
    v => v.ToUnixTimeMilliseconds(),
    v => DateTimeOffset.FromUnixTimeMilliseconds(v));
