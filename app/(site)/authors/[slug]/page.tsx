import { personRoute } from './personRoute'

// An author's page: who they are, and the articles they wrote
const { generateMetadata, Page } = personRoute('author')
export { generateMetadata }
export default Page
