using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Lms.Student.Data.Migrations
{
    /// <inheritdoc />
    public partial class EnrollmentAccessEnded : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "access_ended_at",
                table: "enrollments",
                type: "datetime(6)",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "access_ended_at",
                table: "enrollments");
        }
    }
}
