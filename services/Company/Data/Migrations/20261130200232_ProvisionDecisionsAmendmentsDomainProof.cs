using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lms.Company.Data.Migrations
{
    /// <inheritdoc />
    public partial class ProvisionDecisionsAmendmentsDomainProof : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "consumed_seats",
                table: "course_provisions",
                type: "json",
                nullable: false,
                defaultValue: "[]")
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<string>(
                name: "pending_additions",
                table: "course_provisions",
                type: "json",
                nullable: false,
                defaultValue: "[]")
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "domain_proven_at",
                table: "companies",
                type: "datetime(6)",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "applied_decisions",
                columns: table => new
                {
                    idempotency_key = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    provision_id = table.Column<Guid>(type: "char(36)", nullable: false, collation: "ascii_general_ci"),
                    decision = table.Column<string>(type: "varchar(32)", maxLength: 32, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    state = table.Column<string>(type: "varchar(20)", maxLength: 20, nullable: false)
                        .Annotation("MySql:CharSet", "utf8mb4"),
                    version = table.Column<long>(type: "bigint", nullable: false),
                    applied_at = table.Column<DateTimeOffset>(type: "datetime(6)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_applied_decisions", x => x.idempotency_key);
                })
                .Annotation("MySql:CharSet", "utf8mb4");

            migrationBuilder.CreateIndex(
                name: "ix_applied_decisions_provision_id",
                table: "applied_decisions",
                column: "provision_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "applied_decisions");

            migrationBuilder.DropColumn(
                name: "consumed_seats",
                table: "course_provisions");

            migrationBuilder.DropColumn(
                name: "pending_additions",
                table: "course_provisions");

            migrationBuilder.DropColumn(
                name: "domain_proven_at",
                table: "companies");
        }
    }
}
