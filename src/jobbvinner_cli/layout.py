"""Where things are in a pilot folder."""

from __future__ import annotations

PILOT_FILE = "pilot.yaml"
TEAM_FILE = "team.yaml"
TEAMS_DIR = "teams"
REPORT_DIR = "rapport"
TEMPLATES_DIR = "templates"
TYPES_DIR = "types"
ATTENDANCE_DIR = "oppmote"  # oppmote/samling-N.csv: who attended gathering N
EVALUATION_DIR = "evaluering"  # evaluering/samling-N.csv: the participants' answers
REGISTER_FILE = "tiltaksplan.yaml"  # the goal register of a pilot run by goals and measures
IMAGES_DIR = "bilder"  # a team folder's images (jv import puts a Word file's there)
