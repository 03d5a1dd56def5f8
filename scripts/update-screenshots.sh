#!/usr/bin/env bash
# Refreshes the README's tour screenshots from the classroom end-to-end run, which writes every
# view at every size to test-results/e2e/classroom/, and the map suite (test-results/e2e/map/). Run
# `npx vitest run test/e2e/classroom.test.ts test/e2e/map-names-whatif.test.ts` first.
set -euo pipefail
cd "$(dirname "$0")/.."
from=test-results/e2e/classroom
to=docs/screenshots
mkdir -p "$to"
cp "$from/laptop-1280x800-lab.png" "$to/lab-laptop.png"
cp "$from/projector-1920x1080-network.png" "$to/network-projector.png"
cp "$from/phone-390x844-lab.png" "$to/lab-phone.png"
cp "$from/phone-390x844-lab-panel.png" "$to/lab-phone-panel.png"
cp "$from/crisis-sheet-print.png" "$to/crisis-sheet.png"
cp "test-results/e2e/map/laptop-1280x800-prague.png" "$to/map-prague-laptop.png"
cp "test-results/e2e/map/laptop-1280x800-teacher-whatif.png" "$to/teacher-whatif.png"
echo "update-screenshots: copied 7 screenshots to $to"
