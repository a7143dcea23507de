using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lms.Institution.Data.Migrations
{
    /// <inheritdoc />
    public partial class InstitutionSuspension : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "suspended_at",
                table: "institutions",
                type: "datetime(6)",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_institutions_suspended_at",
                table: "institutions",
                column: "suspended_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_institutions_suspended_at",
                table: "institutions");

            migrationBuilder.DropColumn(
                name: "suspended_at",
                table: "institutions");
        }
    }
}
