// SingleView's only script: starts GOV.UK Frontend's components. Every page works without it
// (details elements, plain links and forms); the script adds what the components add.
import { initAll } from '/assets/govuk/govuk-frontend.min.js'

document.body.classList.add('govuk-frontend-supported')
initAll()

// Printing shows every provenance and service section, whether or not it was opened on screen.
const closedBeforePrint = []
window.addEventListener('beforeprint', () => {
  for (const details of document.querySelectorAll('details:not([open])')) {
    closedBeforePrint.push(details)
    details.open = true
  }
})
window.addEventListener('afterprint', () => {
  for (const details of closedBeforePrint.splice(0)) details.open = false
})
