#!/usr/bin/env python3
"""Demo data for the local platform, made through the public API as people would make it.

The identity service has created the demo accounts (confirmed, password LMS_DEMO_PASSWORD). Here the
manager registers an institution and publishes courses, the supervisor registers a company at demo.lms,
the employee joins it by email domain, and course provisions are taken to each state the calendar allows.
Safe to run again: whatever exists already is left as it is.
"""
import base64
import json
import os
import sys
import time
import urllib.error
import urllib.request
from datetime import datetime, timedelta, timezone

GATEWAY = os.environ.get("LMS_GATEWAY", "http://127.0.0.1:8080")
PASSWORD = os.environ["LMS_DEMO_PASSWORD"]
TODAY = (datetime.now(timezone.utc) + timedelta(hours=9)).date()  # Korea time


def call(method, path, token=None, body=None, expect_ok=True):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(GATEWAY + path, data=data, method=method)
    request.add_header("Content-Type", "application/json")
    if token:
        request.add_header("Authorization", "Bearer " + token)
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            text = response.read().decode()
            return response.status, (json.loads(text) if text else None)
    except urllib.error.HTTPError as error:
        text = error.read().decode()
        if expect_ok:
            sys.exit(f"seed: {method} {path} -> {error.code} {text}")
        return error.code, (json.loads(text) if text else None)


def until(what, attempt, seconds=30):
    """Retries a step that waits on another service's copy of the data (events are asynchronous)."""
    deadline = time.time() + seconds
    while True:
        result = attempt()
        if result:
            return result
        if time.time() > deadline:
            sys.exit(f"seed: gave up waiting: {what}")
        time.sleep(0.5)


class Person:
    def __init__(self, login):
        self.login = login
        _, tokens = call("POST", "/identity/v1/signin", body={"login": login, "password": PASSWORD})
        self.access, self.refresh = tokens["accessToken"], tokens["refreshToken"]

    def become(self, role):
        def refreshed():
            _, tokens = call("POST", "/identity/v1/token/refresh", body={"refreshToken": self.refresh})
            self.access, self.refresh = tokens["accessToken"], tokens["refreshToken"]
            # The token's own claims, not /me (which answers from the database as of now): a token refreshed a moment
            # before the role was granted would otherwise be taken for one that carries it.
            payload = self.access.split(".")[1]
            claims = json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))
            roles = claims.get("role", [])
            return role in (roles if isinstance(roles, list) else [roles])
        until(f"{self.login} becomes {role}", refreshed)

    def __call__(self, method, path, body=None, expect_ok=True):
        return call(method, path, self.access, body, expect_ok)


def institution_and_courses(manager):
    status, _ = manager("GET", "/institution/v1/institutions/mine", expect_ok=False)
    if status != 200:
        manager("POST", "/institution/v1/institutions", {
            "name": "한빛직무교육원", "ownerName": "김기관", "businessNumber": "1048100001", "certifiedNumber": "DEMO-2026-0001",
            "email": "contact@hanbit-edu.example", "phone": "02-1234-5678", "address": "서울특별시 중구 세종대로 1",
            "website": "https://hanbit-edu.example", "description": "산업안전과 직장 내 필수 교육 전문 훈련기관"})
    manager.become("InstitutionManager")

    _, existing = manager("GET", "/institution/v1/courses?size=100")
    titles = {c["title"]: c for c in existing["items"]}
    plan = [
        ("직장 내 괴롭힘 예방 교육", "WORKPLACE_BASICS", 14, "PUBLISHED"),
        ("산업안전보건 기초", "ENVIRONMENT_ENERGY_SAFETY", 30, "PUBLISHED"),
        ("개인정보보호 실무", "INFORMATION_COMMUNICATION", 21, "PUBLISHED"),
        ("신규 과정 (작성 중)", "MANAGEMENT_ACCOUNTING_OFFICE", 10, "DRAFT"),
        ("2025 법정의무교육 (보관)", "WORKPLACE_BASICS", 7, "ARCHIVED"),
    ]
    published = []
    for title, category, days, state in plan:
        course = titles.get(title)
        if course is None:
            _, course = manager("POST", "/institution/v1/courses", {
                "title": title, "category": category, "instructorName": "이강사", "periodDays": days,
                "introduction": f"{title} 과정입니다."})
            manager("PUT", f"/institution/v1/courses/{course['id']}/structure", {"chapters": [
                {"title": "1장 개요", "items": [{"title": "과정 안내", "kind": "OTHER", "required": True}]},
                {"title": "2장 실습", "items": [{"title": "사례 토의", "kind": "OTHER", "required": True},
                                                {"title": "참고 자료", "kind": "OTHER", "required": False}]}]})
            if state in ("PUBLISHED", "ARCHIVED"):
                manager("POST", f"/institution/v1/courses/{course['id']}/publish")
            if state == "ARCHIVED":
                manager("POST", f"/institution/v1/courses/{course['id']}/archive")
        if state == "PUBLISHED":
            published.append(course["id"])
    return published


def final_exam(manager, course_id):
    """A published final exam in the course the employee studies today, so the demo reaches a certificate."""
    _, exams = manager("GET", f"/institution/v1/courses/{course_id}/exams")
    if exams["total"] > 0:
        return
    _, exam = manager("POST", f"/institution/v1/courses/{course_id}/exams", {
        "title": "수료 평가", "description": "과정을 마친 뒤 응시합니다. 60점 이상이면 합격입니다.", "kind": "FINAL",
        "timeLimitMinutes": 20, "passScore": 60, "attemptsAllowed": 2, "required": True, "shuffleOptions": True,
        "questions": [
            {"kind": "SINGLE", "text": "직장 내 괴롭힘을 목격했을 때 가장 먼저 할 일은?", "points": 50,
             "options": [{"text": "사내 신고 창구에 알린다", "correct": True}, {"text": "못 본 척한다", "correct": False},
                         {"text": "가해자에게 직접 보복한다", "correct": False}],
             "explanation": "사업주는 신고를 받으면 지체 없이 조사해야 합니다(근로기준법 제76조의3)."},
            {"kind": "MULTIPLE", "text": "직장 내 괴롭힘의 요건을 모두 고르세요.", "points": 30,
             "options": [{"text": "직장에서의 지위 또는 관계 등의 우위를 이용", "correct": True},
                         {"text": "업무상 적정 범위를 넘는 행위", "correct": True},
                         {"text": "같은 부서 소속일 것", "correct": False}]},
            {"kind": "SHORT", "text": "직장 내 괴롭힘 금지 규정이 있는 법률의 이름은?", "points": 20,
             "answers": ["근로기준법"], "explanation": "근로기준법 제76조의2"},
        ]})
    manager("POST", f"/institution/v1/exams/{exam['id']}/publish")


def company(supervisor, employee):
    status, mine = supervisor("GET", "/company/v1/companies/mine", expect_ok=False)
    if status != 200:
        _, mine = supervisor("POST", "/company/v1/companies", {
            "name": "데모물산 주식회사", "ownerName": "이인사", "businessNumber": "2208100002", "emailDomain": "demo.lms",
            "phone": "02-9876-5432", "address": "서울특별시 강남구 테헤란로 1"})
    supervisor.become("CompanySupervisor")
    if "Employee" not in employee("GET", "/identity/v1/me")[1]["roles"]:
        employee("POST", f"/company/v1/companies/{mine['id']}/join", {})
        employee.become("Employee")
    return employee("GET", "/identity/v1/me")[1]["userId"]


def provisions(manager, supervisor, employee_id, courses):
    _, existing = supervisor("GET", "/company/v1/course-provides?size=100")
    if existing["total"] > 0:
        return
    # One provision per state the calendar allows; the one starting today moves to IN_PROGRESS at the next catch-up.
    plan = ["REQUESTED", "ACCEPTED", "DECLINED", "CANCELLED", "ROSTER_SUBMITTED", "REGISTERED", "IN_PROGRESS"]
    for index, target in enumerate(plan):
        begin = TODAY if target == "IN_PROGRESS" else TODAY + timedelta(days=7 + index)
        course = courses[index % len(courses)]
        _, provision = supervisor("POST", "/company/v1/course-provides", {
            "courseId": course, "beginDate": begin.isoformat(), "endDate": (begin + timedelta(days=45)).isoformat(),
            "seats": 20, "deposit": "교육비 300,000원 / 인"})
        pid = provision["id"]
        decide = lambda action, body=None: until(
            f"institution {action} {pid}",
            lambda: manager("POST", f"/institution/v1/course-provides/{pid}/{action}", body, expect_ok=False)[0] == 200)
        if target == "CANCELLED":
            supervisor("POST", f"/company/v1/course-provides/{pid}/cancel")
        elif target == "DECLINED":
            decide("decline", {"reason": "해당 기간 강사 일정이 없습니다."})
        elif target != "REQUESTED":
            decide("accept")
            if target in ("ROSTER_SUBMITTED", "REGISTERED", "IN_PROGRESS"):
                supervisor("PUT", f"/company/v1/course-provides/{pid}/roster", {"userIds": [employee_id]})
            if target in ("REGISTERED", "IN_PROGRESS"):
                decide("approve-roster")


def main():
    manager, supervisor, employee = Person("manager"), Person("supervisor"), Person("employee")
    courses = institution_and_courses(manager)
    final_exam(manager, courses[0])
    employee_id = company(supervisor, employee)
    provisions(manager, supervisor, employee_id, courses)


if __name__ == "__main__":
    main()
